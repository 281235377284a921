package dev.pce.server.cli;

import dev.pce.engine.learning.insight.InsightEvent;
import dev.pce.engine.learning.insight.experiment.CaptureExperiment;
import dev.pce.engine.learning.insight.experiment.CaptureExperiment.Arm;
import dev.pce.engine.learning.insight.experiment.CaptureExperiment.ArmResult;
import dev.pce.engine.learning.insight.experiment.CaptureExperiment.KindShare;
import dev.pce.engine.workspace.Workspace;
import dev.pce.server.wiring.CommandWiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code ce experiment capture}: the share of insight events automatic capture writes a note for, measured on
 * seeded workflows with planted insight and routine events, run through the real engine into a real vault.
 */
@Command(name = "capture", mixinStandardHelpOptions = true,
        description = "Run N seeded workflows through the engine with the conflict and gate rules into a vault in a "
                + "temporary folder, planting insight events (task failures, failing gates, escalations a person "
                + "decides, overruns, the workflows' ends) and routine ones (resource conflicts, reviews the rules "
                + "decide, passing gates, leases that run out); print per kind the share of planted insight events "
                + "a captured note lists, with automatic capture, with crashes before and after the start-up "
                + "catch-up, and with automatic capture off, against the seed's 95% (see docs/learning.md).")
final class CaptureExperimentCommand implements Callable<Integer> {
    static final double TARGET = 0.95;

    @Option(names = "--workflows", defaultValue = "30",
            description = "Workflows per arm (1 to 1000, default ${DEFAULT-VALUE}).")
    int workflows;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the run (default ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (workflows < 1 || workflows > 1_000) {
            throw new ParameterException(spec.commandLine(), "--workflows must be 1 to 1000, not "
                    + workflows + ".");
        }
        Path dir = Files.createTempDirectory("ce-capture-experiment-");
        CaptureExperiment.Result result;
        try {
            result = CaptureExperiment.run(seed, workflows, dir, CommandWiring::captureProcess);
        } finally {
            Workspace.deleteTree(dir);
        }
        print(result, spec.commandLine().getOut());
        return 0;
    }

    static void print(CaptureExperiment.Result result, PrintWriter out) {
        out.printf(Locale.ROOT, "Insight capture: %d workflows, seed %d (%d completed, %d failed), each arm on a "
                        + "workspace of its own; notes read back from the vault's files%n", result.workflows(),
                result.seed(), result.completed(), result.workflows() - result.completed());
        out.printf(Locale.ROOT, "Routine events in the logs (must get no note): %s%n", result.routine());
        out.printf(Locale.ROOT, "Planted insight events against InsightEvents.of on the same logs: %d in both, %d "
                        + "planted only, %d found only%s%n", result.check().both(), result.check().plantedOnly(),
                result.check().foundOnly(), result.check().agrees() ? " (they agree)" : " (they DISAGREE)");
        result.check().examples().forEach(example -> out.printf(Locale.ROOT, "  %s%n", example));
        if (!result.missed().isEmpty() || result.unplanned() > 0) {
            out.printf(Locale.ROOT, "Planting: %s planted but not in the log, %d insight events nobody planted%n",
                    result.missed(), result.unplanned());
        }
        out.println();
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-22s", "Kind"));
        for (ArmResult arm : result.arms()) {
            header.append(String.format(Locale.ROOT, " | %-26s", arm.arm().label()));
        }
        out.println(header.toString().stripTrailing());
        for (InsightEvent.Kind kind : InsightEvent.Kind.values()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-22s", kind.wireName()));
            for (ArmResult arm : result.arms()) {
                KindShare share = arm.kinds().stream().filter(k -> k.kind() == kind).findFirst().orElseThrow();
                line.append(String.format(Locale.ROOT, " | %-26s", cell(share.captured(), share.planted())));
            }
            out.println(line.toString().stripTrailing());
        }
        row(out, result, "all insight events", arm -> cell(arm.captured(), arm.planted()));
        row(out, result, "notes (stray)", arm -> arm.notes() + " (" + arm.strayNotes() + ")");
        row(out, result, "precision of notes", arm -> percent(arm.precision()));
        row(out, result, "duplicate notes", arm -> Integer.toString(arm.duplicates()));
        row(out, result, "routine with a note", arm -> Integer.toString(arm.routineNoted()));
        row(out, result, "crashes (calls unseen)", arm -> arm.arm() == Arm.CRASHED || arm.arm() == Arm.CAUGHT_UP
                ? arm.crashes() + " (" + arm.lostAppends() + ")" : "-");
        row(out, result, "target 95%", arm -> arm.arm() == Arm.OFF ? "ablation: agents by hand, 0 here"
                : arm.share() >= TARGET ? "met" : "not met");
        out.flush();
    }

    private static void row(PrintWriter out, CaptureExperiment.Result result, String name,
                            Function<ArmResult, String> cell) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-22s", name));
        for (ArmResult arm : result.arms()) {
            line.append(String.format(Locale.ROOT, " | %-26s", cell.apply(arm)));
        }
        out.println(line.toString().stripTrailing());
    }

    private static String cell(int captured, int planted) {
        return planted == 0 ? "none planted" : String.format(Locale.ROOT, "%d of %d, %s", captured, planted,
                percent((double) captured / planted));
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
