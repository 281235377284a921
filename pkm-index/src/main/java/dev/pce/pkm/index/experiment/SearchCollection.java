package dev.pce.pkm.index.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One collection of the evaluation: a vault folder, the notes PCE reads from it (every arm indexes exactly these),
 * and the known-item queries over them.
 */
public record SearchCollection(String name, SetRole role, Path root, List<EvalNote> notes,
                               List<KnownItemQuery> queries) {
    public SearchCollection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(root, "root");
        notes = List.copyOf(notes);
        queries = List.copyOf(queries);
    }
}
