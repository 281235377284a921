package dev.pce.server.cli;

import dev.pce.engine.learning.insight.InsightEvent.Kind;
import dev.pce.engine.learning.insight.experiment.CaptureExperiment;
import dev.pce.engine.learning.insight.experiment.CaptureExperiment.Arm;
import dev.pce.engine.learning.insight.experiment.CaptureExperiment.ArmResult;
import dev.pce.engine.learning.insight.experiment.CaptureExperiment.KindShare;
import dev.pce.server.wiring.CommandWiring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ce experiment capture} on a few seeded workflows through the real engine, rules and vault: every kind of
 * insight event is planted and the planting agrees with what InsightEvents finds; automatic capture notes them all
 * and no routine event; the catch-up after crashes restores what they lost; capture off notes nothing.
 */
class CaptureExperimentCommandTest {
    @TempDir
    Path temp;

    @Test
    void everyPlantedKindIsCapturedAutomaticallyAndAfterTheCatchUpAndNoneWithCaptureOff() throws Exception {
        CaptureExperiment.Result result = CaptureExperiment.run(1, 5, temp, CommandWiring::captureProcess);

        assertThat(result.check().agrees()).as("planted against InsightEvents: %s", result.check().examples())
                .isTrue();
        assertThat(result.missed()).as("planted but not in the log").isEmpty();
        assertThat(result.unplanned()).isZero();
        assertThat(result.routine()).containsKeys("resource conflict decided by the rules",
                "review decided by the rules", "gate passed");
        ArmResult automatic = result.arm(Arm.AUTOMATIC);
        for (Kind kind : Kind.values()) {
            KindShare share = automatic.kinds().stream().filter(k -> k.kind() == kind).findFirst().orElseThrow();
            assertThat(share.planted()).as("planted %s", kind).isPositive();
        }
        for (Arm arm : Arm.values()) {
            ArmResult counted = result.arm(arm);
            assertThat(counted.planted()).as(arm.label()).isEqualTo(automatic.planted());
            assertThat(counted.duplicates()).as(arm.label()).isZero();
            assertThat(counted.routineNoted()).as(arm.label()).isZero();
            assertThat(counted.strayNotes()).as(arm.label()).isZero();
        }
        assertThat(automatic.share()).isEqualTo(1.0);
        assertThat(result.arm(Arm.CAUGHT_UP).crashes()).isPositive();
        assertThat(result.arm(Arm.CRASHED).share()).isLessThanOrEqualTo(result.arm(Arm.CAUGHT_UP).share());
        assertThat(result.arm(Arm.CAUGHT_UP).share()).isEqualTo(1.0);
        assertThat(result.arm(Arm.OFF).captured()).isZero();
        assertThat(result.arm(Arm.OFF).notes()).isZero();
    }

    @Test
    void printsTheSharePerKindAndArmAgainstTheTarget() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = CeCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));

        int exitCode = commandLine.execute("experiment", "capture", "--workflows", "2", "--seed", "3");

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Insight capture: 2 workflows, seed 3", "automatic capture",
                "crashes, no catch-up", "crashes, then the catch-up", "automatic capture off", "workflow.ended",
                "task.failed", "all insight events", "duplicate notes", "routine with a note", "target 95%",
                "ablation: agents by hand, 0 here");
        assertThat(commandLine.execute("experiment", "capture", "--workflows", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--workflows must be 1 to 1000, not 0");
    }
}
