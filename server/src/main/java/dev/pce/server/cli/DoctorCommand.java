package dev.pce.server.cli;

import dev.pce.server.wiring.CommandWiring;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.learning.Pattern;
import dev.pce.engine.learning.PatternRejection;
import dev.pce.engine.service.LogProblem;
import dev.pce.engine.service.LogRepair;
import dev.pce.engine.service.WorkflowCheck;
import dev.pce.engine.workspace.Workspace;
import dev.pce.pkm.index.UpdateResult;
import dev.pce.pkm.index.VaultIndex;
import dev.pce.pkm.knowledge.VaultSource;
import dev.pce.pkm.vault.Vault;
import dev.pce.rules.learned.LearnOutcome;
import dev.pce.rules.learned.LearnedRules;
import dev.pce.server.quality.ProjectSettings;
import dev.pce.server.wiring.ProjectVaults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ce doctor}: checks a workspace (every line of every workflow's log, the snapshots, the vault indexes against
 * their vaults, the learned rules) and, with {@code --repair}, repairs what is safe to repair: caches only
 * (snapshots, indexes), never the logs. A damaged log is repaired only when a person names it with
 * {@code --repair-log}. Exits 1 when a problem is left.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check the workspace: every line of the event logs, snapshots against a replay of their logs, "
                + "vault indexes against their vaults, the learned rules. --repair fixes what is safe (snapshots and "
                + "indexes are caches); --repair-log makes a damaged log readable again; exit 1 when a problem is "
                + "left.")
public final class DoctorCommand implements Callable<Integer> {
    /** Problems printed per workflow; the count says how many more there are. */
    private static final int PROBLEMS_SHOWN = 20;

    @Mixin
    WorkspaceOption workspaceOption = new WorkspaceOption();

    @Option(names = "--repair", description = "Delete snapshots that differ from their logs; bring indexes up to "
            + "date with their vaults.")
    boolean repair;

    @Option(names = "--repair-log", paramLabel = "WORKFLOW_ID", description = "Make the workflow's damaged log "
            + "readable again, deleting nothing: keep the events before its first unreadable line (the whole file "
            + "is copied beside it first), accept a log cut at a line's end as it is, or move a workflow without a "
            + "readable plan aside. Events after the damage are no longer part of the workflow.")
    List<String> repairLogs = new ArrayList<>();

    private int problems;

    @Override
    public Integer call() {
        Workspace workspace = workspaceOption.open();
        PrintWriter out = workspaceOption.out();
        out.println("Workspace " + workspace.root());
        for (String id : repairLogs) {
            LogRepair.Outcome outcome = LogRepair.repair(workspace, id, Clock.systemUTC());
            line(out, outcome instanceof LogRepair.NothingToRepair ? WorkflowCheck.Verdict.OK
                    : WorkflowCheck.Verdict.REPAIRED, "log of workflow " + id, outcome.describe());
        }
        for (String id : workspace.workflowIds()) {
            WorkflowCheck.Result result = WorkflowCheck.check(workspace, id, repair);
            problems += result.problems().size() + (result.snapshot() == WorkflowCheck.Verdict.PROBLEM ? 1 : 0);
            print(out, worst(result.log(), result.snapshot()), "workflow " + id, result.events() + " events; "
                    + result.detail());
            logProblems(out, result);
        }
        for (VaultSource source : ProjectVaults.sources(workspace, ProjectSettings.of(Path.of("").toAbsolutePath()),
                System.getenv())) {
            checkIndex(out, workspace, source);
        }
        checkLearnedRules(out, workspace);
        out.println(problems == 0 ? "No problems." : problems + " problem(s) left.");
        out.flush();
        return problems == 0 ? 0 : 1;
    }

    /** Each problem of a log on its own lines: where, what, and what to do. */
    private static void logProblems(PrintWriter out, WorkflowCheck.Result result) {
        List<LogProblem> found = result.problems();
        for (LogProblem problem : found.subList(0, Math.min(found.size(), PROBLEMS_SHOWN))) {
            String where = problem.line() == 0 ? "file" : "line " + problem.line();
            out.printf("           %s (%s): %s%n             Fix: %s%n", where, kind(problem.kind()), problem.what(),
                    problem.fix());
        }
        if (found.size() > PROBLEMS_SHOWN) {
            out.printf("           and %d more problem(s) of the same log%n", found.size() - PROBLEMS_SHOWN);
        }
        if (!result.readable()) {
            out.printf("           PCE cannot read this workflow until it is repaired: restore the log from a "
                    + "backup, or run ce doctor --repair-log %s%n", result.workflowId());
        }
    }

    private static String kind(LogProblem.Kind kind) {
        return switch (kind) {
            case UNREADABLE -> "PCE cannot read the workflow";
            case INCONSISTENT -> "changed outside PCE";
        };
    }

    /** An index is a cache: it should hold what its vault holds; updating it (only changed files) repairs it. */
    private void checkIndex(PrintWriter out, Workspace workspace, VaultSource source) {
        String what = "index of vault '" + source.name() + "'";
        Vault vault;
        try {
            vault = Vault.open(source.root());
        } catch (CeException e) {
            line(out, WorkflowCheck.Verdict.OK, what, "no vault at " + source.root() + " (nothing to index)");
            return;
        }
        if (!repair) {
            line(out, WorkflowCheck.Verdict.OK, what, vault.list().files().size() + " note files; --repair "
                    + "brings the index up to date with them");
            return;
        }
        try (VaultIndex index = VaultIndex.open(source.indexDir(workspace), source.name())) {
            UpdateResult result = index.update(vault);
            boolean changed = result.added() + result.changed() + result.deleted() > 0 || result.rebuilt();
            line(out, changed ? WorkflowCheck.Verdict.REPAIRED : WorkflowCheck.Verdict.OK, what, String.format(
                    Locale.ROOT, "%d notes indexed; %d added, %d changed, %d deleted%s", index.size(), result.added(),
                    result.changed(), result.deleted(), result.problems().isEmpty() ? ""
                            : "; " + result.problems().size() + " malformed note(s) skipped"));
        } catch (CeException e) {
            if (e.code() != ErrorCode.CONFLICT) {
                throw e;
            }
            line(out, WorkflowCheck.Verdict.OK, what, "a running server writes it and keeps it up to date");
        }
    }

    /**
     * The learned rules in force must still compile with today's built-in and project rules, and every learned
     * pattern should be one of them: a pattern no rule can hold is named with why.
     */
    private void checkLearnedRules(PrintWriter out, Workspace workspace) {
        LearnedRules learned = CommandWiring.learnedRules(workspace.root());
        List<Pattern> patterns;
        try {
            patterns = CommandWiring.learnedPatterns(workspace.root()).read().patterns().patterns();
        } catch (CeException e) {
            line(out, WorkflowCheck.Verdict.PROBLEM, "learned patterns", e.getMessage() + " Fix: " + e.fix());
            patterns = List.of();
        }
        List<PatternRejection> rejections = learned.check(patterns);
        if (learned.history().isEmpty()) {
            line(out, WorkflowCheck.Verdict.OK, "learned rules", patterns.isEmpty() ? "none learned yet"
                    : rejections.size() == patterns.size() ? "none in force: none of the " + patterns.size()
                    + " learned pattern(s) can become a rule" : "none in force yet: the next ce learn makes rules of "
                    + "the " + (patterns.size() - rejections.size()) + " learned pattern(s) that can be rules");
        } else {
            switch (learned.activate()) {
                case LearnOutcome.Accepted accepted -> line(out, WorkflowCheck.Verdict.OK, "learned rules",
                        "version " + accepted.version().version() + " compiles");
                case LearnOutcome.Rejected rejected -> line(out, WorkflowCheck.Verdict.PROBLEM, "learned rules",
                        rejected.describe() + " (ce rules rollback N restores a version that compiles)");
            }
        }
        for (PatternRejection rejected : rejections) {
            line(out, WorkflowCheck.Verdict.PROBLEM, "learned pattern " + rejected.pattern(), "not in force: "
                    + rejected.reason());
        }
    }

    private static WorkflowCheck.Verdict worst(WorkflowCheck.Verdict a, WorkflowCheck.Verdict b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Prints a verdict and counts it when it is a problem. */
    private void line(PrintWriter out, WorkflowCheck.Verdict verdict, String what, String detail) {
        if (verdict == WorkflowCheck.Verdict.PROBLEM) {
            problems++;
        }
        print(out, verdict, what, detail);
    }

    private static void print(PrintWriter out, WorkflowCheck.Verdict verdict, String what, String detail) {
        out.printf("  %-8s %s: %s%n", verdict.name().toLowerCase(Locale.ROOT), what, detail);
    }
}
