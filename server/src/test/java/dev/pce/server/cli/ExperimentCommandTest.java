package dev.pce.server.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExperimentCommandTest {

    @Test
    void printsEachLearningMetricAgainstTheSeedsTarget() {
        InProcessCe run = InProcessCe.run("experiment", "learning", "--seeds", "1-2", "--workflows", "8", "--details");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 seed(s) (1-2), 8 training workflows",
                "Pattern identification: precision", "Pattern identification: recall",
                "Prediction: accuracy (right yes/no answers)", "Set-up gain, ce_learn_from against none",
                "Makespan gain, estimates only", "Makespan gain, reviews only", "Estimate error",
                "Insight capture", "measured by `ce experiment capture`", "Per workflow, mean over seeds:",
                "Seed 1: patterns planted", "  planted  estimate:", "  learned  estimate:");
        assertThat(run.out().lines().filter(line -> line.startsWith("Pattern identification: precision"))
                .findFirst().orElseThrow()).contains("80.0%").containsAnyOf(" yes", " no");
    }

    @Test
    void theSameSeedPrintsTheSameReport() {
        assertThat(InProcessCe.run("experiment", "learning", "--seed", "4", "--workflows", "6").out())
                .isEqualTo(InProcessCe.run("experiment", "learning", "--seed", "4", "--workflows", "6").out());
    }

    @Test
    void seedsThatCannotBeReadGiveAnActionableError() {
        InProcessCe run = InProcessCe.run("experiment", "learning", "--seeds", "ten");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--seeds 'ten' cannot be read", "101-110");
        assertThat(InProcessCe.run("experiment", "learning", "--seeds", "9-3").err()).contains("the range must go up");
    }
}
