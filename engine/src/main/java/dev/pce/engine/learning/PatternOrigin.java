package dev.pce.engine.learning;

import java.util.Objects;

/**
 * Where a learned pattern comes from: this project's own workflows, or another project's vault
 * ({@code ce_learn_from}). An imported pattern is applied with lower confidence until this project's own
 * workflows confirm it.
 *
 * @param project   the project whose workflows showed it
 * @param imported  learned elsewhere and brought in
 * @param confirmed for an imported pattern: this project's own workflows showed it too
 */
public record PatternOrigin(String project, boolean imported, boolean confirmed) {

    public PatternOrigin {
        Objects.requireNonNull(project, "project");
    }

    public static PatternOrigin local(String project) {
        return new PatternOrigin(project, false, true);
    }

    public static PatternOrigin importedFrom(String project) {
        return new PatternOrigin(project, true, false);
    }
}
