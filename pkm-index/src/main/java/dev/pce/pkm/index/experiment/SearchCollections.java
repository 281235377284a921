package dev.pce.pkm.index.experiment;

import dev.pce.pkm.index.bench.IndexBench;
import dev.pce.pkm.note.Note;
import dev.pce.pkm.vault.Vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/** Builds the evaluation's collections: generated vaults (the benchmarks' generator) and folders of real notes. */
public final class SearchCollections {
    /** The query seed of the development folders. */
    public static final long DEVELOPMENT_QUERY_SEED = 1;
    /** The query seed of the held-out folders, the plugin's and any vault given from outside alike. */
    public static final long HELD_OUT_QUERY_SEED = 101;

    private SearchCollections() {
    }

    /**
     * A vault of {@code notes} notes generated with {@code seed} by the index benchmark's generator (written under
     * {@code dir}), and {@code queries} known-item queries drawn with the same seed.
     */
    public static SearchCollection generated(SetRole role, long seed, int notes, int queries, Path dir)
            throws IOException {
        Path root = Files.createDirectories(dir.resolve("generated-" + seed));
        new IndexBench(seed).generate(root, notes);
        List<EvalNote> read = read(root);
        return new SearchCollection(String.format("generated, seed %d", seed), role, root, read,
                KnownItemQueries.generate(read, note -> true, queries, seed));
    }

    /**
     * The notes of the vault {@code root} as they are, with up to {@code queries} queries drawn with {@code seed}
     * from the notes whose path passes {@code isTarget} (the others only compete).
     */
    public static SearchCollection folder(String name, SetRole role, Path root, Predicate<String> isTarget,
                                          int queries, long seed) {
        List<EvalNote> read = read(root);
        return new SearchCollection(name, role, root, read,
                KnownItemQueries.generate(read, note -> isTarget.test(note.path()), queries, seed));
    }

    /**
     * A vault from outside the repository (a public Obsidian vault, say) as a held-out collection: every note it
     * indexes is a possible target, with up to {@code queries} queries drawn with the held-out seed.
     */
    public static SearchCollection external(String name, Path root, int queries) {
        return folder(name, SetRole.TEST, root, path -> true, queries, HELD_OUT_QUERY_SEED);
    }

    /** The notes PCE indexes from {@code root}: the vault's parsed notes, title and body as the parser reads them. */
    static List<EvalNote> read(Path root) {
        return Vault.open(root).scan().notes().stream().map(SearchCollections::evalNote).toList();
    }

    private static EvalNote evalNote(Note note) {
        return new EvalNote(note.path(), note.title(), note.body());
    }
}
