package dev.pce.server.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class ExperimentCommandTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run ce(String... args) {
        CommandLine commandLine = CeCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void printsEachLearningMetricAgainstTheSeedsTarget() {
        Run run = ce("experiment", "learning", "--seeds", "1-2", "--workflows", "8", "--details");

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
        assertThat(ce("experiment", "learning", "--seed", "4", "--workflows", "6").out())
                .isEqualTo(ce("experiment", "learning", "--seed", "4", "--workflows", "6").out());
    }

    @Test
    void seedsThatCannotBeReadGiveAnActionableError() {
        Run run = ce("experiment", "learning", "--seeds", "ten");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--seeds 'ten' cannot be read", "101-110");
        assertThat(ce("experiment", "learning", "--seeds", "9-3").err()).contains("the range must go up");
    }
}
