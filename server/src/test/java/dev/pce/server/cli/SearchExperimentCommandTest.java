package dev.pce.server.cli;

import dev.pce.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ce experiment search} end to end on tiny generated vaults, both arms, so the command cannot rot. */
class SearchExperimentCommandTest {

    @Test
    void printsMrrAndRecallOfEveryArmPerCollectionAndPerSet() {
        InProcessCe run = InProcessCe.run("experiment", "search", "--no-corpus", "--notes", "60", "--queries", "8",
                "--dev-seeds", "1", "--test-seeds", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> rows = run.out().lines().filter(line -> line.startsWith("| ")).toList();
        assertThat(rows.getFirst()).isEqualTo("| collection | set | notes | queries | arm | MRR@10 | recall@10 | "
                + "MRR@10 / FTS5 |");
        assertThat(rows).anyMatch(row -> row.startsWith("| generated, seed 1 | dev | 60 | 8 | PCE | "))
                .anyMatch(row -> row.startsWith("| generated, seed 1 | dev | 60 | 8 | FTS5 | ")
                        && row.endsWith(" | 1.00 |"))
                .anyMatch(row -> row.startsWith("| generated, seed 2 | test | 60 | 8 | PCE | "))
                .anyMatch(row -> row.startsWith("| **all test sets** | test | 60 | 8 | FTS5 | "))
                .hasSize(1 + 2 * 2 + 2 * 2);
    }

    @Test
    void anUnknownSetOrAMissingCorpusGivesAnActionableError() {
        InProcessCe sets = InProcessCe.run("experiment", "search", "--sets", "train");
        assertThat(sets.exitCode()).isEqualTo(2);
        assertThat(sets.err()).contains("--sets must be dev, test, external or all, not 'train'");

        InProcessCe corpus = InProcessCe.run("experiment", "search", "--corpus", "no/such/folder");
        assertThat(corpus.exitCode()).isEqualTo(2);
        assertThat(corpus.err()).contains("has no solutions/ folder", "--no-corpus");
    }

    @Test
    void aVaultFromOutsideIsAHeldOutCollectionWithEveryNoteATarget(@TempDir Path dir) {
        Path vault = dir.resolve("outside");
        TestFiles.write(vault.resolve("Home.md"), "# Home\n\nLanterns glow over harbour piers at dusk.\n");
        TestFiles.write(vault.resolve("Guides/Sync.md"), "Pelicans migrate across shallow estuaries yearly.\n");
        TestFiles.write(vault.resolve("Guides/Canvas.md"), "Marble quarries yield granite boulders slowly.\n");
        // The same file name in two folders: both are notes, both targets (Obsidian vaults in several languages).
        TestFiles.write(vault.resolve("de/Dup.md"), "Kastanien rollen durch herbstliche Alleen.\n");
        TestFiles.write(vault.resolve("fr/Dup.md"), "Tournesols penchent vers collines dorées.\n");

        InProcessCe run = InProcessCe.run("experiment", "search", "--sets", "external", "--vault",
                "outside=" + vault, "--queries", "50", "--losses", "3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> rows = run.out().lines().filter(line -> line.startsWith("| ")).toList();
        // External only: no generated vault and no plugin notes (the default --corpus is not even looked for).
        assertThat(rows).containsExactly(
                "| collection | set | notes | queries | arm | MRR@10 | recall@10 | MRR@10 / FTS5 |",
                "| outside | test | 5 | 5 | PCE | 1.000 | 1.000 | 1.00 |",
                "| outside | test | 5 | 5 | FTS5 | 1.000 | 1.000 | 1.00 |",
                "| **all test sets** | test | 5 | 5 | PCE | 1.000 | 1.000 | 1.00 |",
                "| **all test sets** | test | 5 | 5 | FTS5 | 1.000 | 1.000 | 1.00 |");
        assertThat(run.out()).contains("Queries FTS5 ranks better than PCE");
    }

    @Test
    void byFolderPrintsEachArmsMrrPerTopFolderOfTheRightNotes(@TempDir Path dir) {
        Path vault = dir.resolve("languages");
        TestFiles.write(vault.resolve("de/Herbst.md"), "Kastanien rollen durch herbstliche Alleen.\n");
        TestFiles.write(vault.resolve("fr/Ete.md"), "Tournesols penchent vers collines dorées.\n");
        TestFiles.write(vault.resolve("fr/Hiver.md"), "Flocons recouvrent sapins endormis lentement.\n");

        InProcessCe run = InProcessCe.run("experiment", "search", "--sets", "external", "--vault",
                "languages=" + vault, "--by-folder");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("MRR@10 per top folder of the right notes");
        assertThat(run.out().lines().filter(line -> line.startsWith("| languages | ") && !line.contains(" test ")))
                .containsExactly("| languages | de | 1 | 1.000 | 1.000 |", "| languages | fr | 2 | 1.000 | 1.000 |");
    }

    @Test
    void aVaultIsAlsoRunWithTheOtherHeldOutSetsAndNeverWithTheDevelopmentSets(@TempDir Path dir) {
        Path vault = dir.resolve("outside");
        TestFiles.write(vault.resolve("Only.md"), "Lanterns glow over harbour piers at dusk.\n");

        InProcessCe run = InProcessCe.run("experiment", "search", "--sets", "test", "--no-corpus", "--notes", "40",
                "--queries", "4", "--test-seeds", "102", "--vault", "outside=" + vault);

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> rows = run.out().lines().filter(line -> line.startsWith("| ")).toList();
        assertThat(rows).anyMatch(row -> row.startsWith("| generated, seed 102 | test | 40 | 4 | PCE | "))
                .anyMatch(row -> row.startsWith("| outside | test | 1 | 1 | PCE | "))
                .anyMatch(row -> row.startsWith("| **all test sets** | test | 41 | 5 | FTS5 | "))
                .noneMatch(row -> row.contains("| dev |"));
    }

    @Test
    void aBadVaultOptionGivesAnActionableError(@TempDir Path dir) {
        assertThat(InProcessCe.run("experiment", "search", "--vault", "just-a-folder").err())
                .contains("--vault", "give a name and a folder as NAME=DIR", "'just-a-folder'");
        assertThat(InProcessCe.run("experiment", "search", "--vault", "gone=" + dir.resolve("gone")).err())
                .contains("--vault gone=", "no such folder", "github.com/obsidianmd/obsidian-help");
        assertThat(InProcessCe.run("experiment", "search", "--vault", "a=" + dir, "--vault", "a=" + dir).err())
                .contains("--vault names 'a' twice");
        assertThat(InProcessCe.run("experiment", "search", "--sets", "external").err())
                .contains("--sets external runs the vaults of --vault, and none was given");
        InProcessCe dev = InProcessCe.run("experiment", "search", "--sets", "dev", "--vault", "a=" + dir);
        assertThat(dev.exitCode()).isEqualTo(2);
        assertThat(dev.err()).contains("--vault gives held-out collections, which --sets dev leaves out");
    }
}
