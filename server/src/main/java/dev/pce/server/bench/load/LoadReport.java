package dev.pce.server.bench.load;

import dev.pce.engine.event.LeaseExpired;
import dev.pce.engine.event.TaskClaimed;
import dev.pce.engine.event.TaskCompleted;
import dev.pce.engine.event.TaskFailed;
import dev.pce.server.bench.Samples;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints load runs as markdown for docs/performance.md: totals, round trips per tool, checks, violations. */
final class LoadReport {
    /** Violations shown per check and run; the count says how many there were. */
    private static final int SHOWN_PER_CHECK = 20;

    private final PrintWriter out;

    LoadReport(PrintWriter out) {
        this.out = out;
    }

    void print(LoadOptions options, List<LoadResult> results) {
        out.printf(Locale.ROOT, "## Load: %d agents x %d pools, %,d transitions, seed %d%n%n", options.agentsPerPool(),
                options.pools(), options.transitions(), options.seed());
        out.printf("%s%n%n", machine());
        totals(results);
        latencies(results);
        checks(results);
        violations(results);
        out.flush();
    }

    static String machine() {
        return String.format(Locale.ROOT, "Java %s, %d cores, %s %s %s", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"));
    }

    private void totals(List<LoadResult> results) {
        out.println("| processes | agents | tasks | transitions | acknowledged | claimed | completed | failed, retried "
                + "| lease expired | other events | repeated reports | seconds | transitions/s | checks |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (LoadResult result : results) {
            AuditResult audit = result.audit();
            out.printf(Locale.ROOT, "| %d | %d | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %.1f | %.0f "
                    + "| %s |%n", result.processes(), result.agents(), audit.tasks(), audit.transitions(),
                    result.acknowledged(), count(audit, TaskClaimed.TYPE), count(audit, TaskCompleted.TYPE),
                    count(audit, TaskFailed.TYPE), count(audit, LeaseExpired.TYPE),
                    audit.events() - audit.transitions(), result.repeats(), result.seconds(),
                    result.transitionsPerSecond(), result.passed() ? "passed" : "**FAILED**");
        }
        out.println();
        out.println("A transition is one `task.claimed`, `task.completed`, `task.failed` or `task.lease_expired` "
                + "event. Other events: the plan and the conflict rules' decisions on tasks sharing a file.");
        for (LoadResult result : results) {
            out.printf("With %s: %d claims taken under a 1 s lease and reported as it ran out: %d reports kept, %d "
                            + "refused because another agent had taken the task over; %,d events read with ce_events "
                            + "while waiting.%n", processes(result), result.abandoned(), result.lateKept(),
                    result.lateRefused(), result.eventsRead());
        }
        out.println();
    }

    private static String processes(LoadResult result) {
        return result.processes() + (result.processes() == 1 ? " process" : " processes");
    }

    private static int count(AuditResult audit, String type) {
        return audit.transitionsByType().getOrDefault(type, 0);
    }

    private void latencies(List<LoadResult> results) {
        out.println("Round trips over stdio (ms), from writing the request until the whole answer line was read:");
        out.println();
        out.println("| processes | call | calls | min | p50 | p99 | max |");
        out.println("|---|---|---|---|---|---|---|");
        for (LoadResult result : results) {
            for (TimedTool tool : TimedTool.values()) {
                Samples samples = result.latencies().get(tool);
                if (samples != null) {
                    out.printf("| %d | %s | %s |%n", result.processes(), tool.label(), samples.cells());
                }
            }
        }
        out.println();
    }

    private void checks(List<LoadResult> results) {
        StringBuilder header = new StringBuilder("| check |");
        StringBuilder rule = new StringBuilder("|---|");
        for (LoadResult result : results) {
            header.append(' ').append(processes(result)).append(" |");
            rule.append("---|");
        }
        out.println(header);
        out.println(rule);
        for (Check check : Check.values()) {
            StringBuilder row = new StringBuilder("| ").append(check.description()).append(" |");
            for (LoadResult result : results) {
                long broken = result.violations().stream().filter(v -> v.check() == check).count();
                row.append(broken == 0 ? " passed |" : " **FAILED: " + broken + "** |");
            }
            out.println(row);
        }
        out.println();
    }

    private void violations(List<LoadResult> results) {
        for (LoadResult result : results) {
            if (result.passed()) {
                continue;
            }
            out.printf("Violations with %s, workflow %s:%n%n", processes(result), result.workflowId());
            for (Check check : Check.values()) {
                List<Violation> found = result.violations().stream().filter(v -> v.check() == check).toList();
                found.stream().limit(SHOWN_PER_CHECK).forEach(violation -> out.println("- " + violation));
                if (found.size() > SHOWN_PER_CHECK) {
                    out.printf("- %s: %d more%n", check.name(), found.size() - SHOWN_PER_CHECK);
                }
            }
            out.println();
        }
    }
}
