package dev.pce.server.cli;

import dev.pce.engine.learning.WorkflowLearner;
import dev.pce.engine.workspace.Workspace;
import dev.pce.server.wiring.CommandWiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ce learn WORKFLOW_ID}: what ce_learn does, from the command line (for CI after a workflow ends). */
@Command(name = "learn", mixinStandardHelpOptions = true,
        description = "Learn from a workflow's history: estimate accuracy, failures, gate failures, conflicts, "
                + "rework; merge the patterns into the workspace's store and write them as notes into the vault.")
public final class LearnCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspaceOption = new WorkspaceOption();

    @Parameters(paramLabel = "WORKFLOW_ID", description = "The workflow to learn from.")
    String workflowId;

    @Override
    public Integer call() {
        Workspace workspace = workspaceOption.open();
        PrintWriter out = workspaceOption.out();
        try (CommandWiring.Learning learning = CommandWiring.learning(workspace, System.getenv())) {
            WorkflowLearner.Outcome outcome = learning.learner().learn(workflowId);
            outcome.report().estimates().forEach(estimate -> out.printf(Locale.ROOT,
                    "%-10s %-10s %3d tasks, actual/estimate median %.2f%n", estimate.kind(), estimate.pool(),
                    estimate.stats().count(), estimate.stats().median()));
            if (outcome.unchanged()) {
                out.printf("Nothing new from %s (it taught nothing, or the same as when it was learned before): the "
                        + "store stays at version %d.%n", workflowId, outcome.storeVersion());
                out.flush();
                return 0;
            }
            out.printf("%d pattern(s) learned; the store is at version %d with %d pattern(s).%n",
                    outcome.learned().size(), outcome.storeVersion(), outcome.patterns().size());
            outcome.learned().forEach(pattern -> out.println("  " + pattern.key() + ": " + pattern.summary()));
            outcome.notes().forEach(note -> out.println("  note " + note.path()));
            outcome.rulesVersion().ifPresent(version -> out.println("Learned rules: version " + version + "."));
            outcome.rulesNotice().ifPresent(notice -> out.println("Learned rules unchanged: " + notice));
            outcome.rejectedPatterns().forEach(rejected -> out.println("  not a rule: " + rejected.pattern() + ": "
                    + rejected.reason()));
        }
        out.flush();
        return 0;
    }
}
