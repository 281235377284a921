package dev.pce.server.cli;

import org.junit.jupiter.api.Test;

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
        assertThat(sets.err()).contains("--sets must be dev, test or all, not 'train'");

        InProcessCe corpus = InProcessCe.run("experiment", "search", "--corpus", "no/such/folder");
        assertThat(corpus.exitCode()).isEqualTo(2);
        assertThat(corpus.err()).contains("has no solutions/ folder", "--no-corpus");
    }
}
