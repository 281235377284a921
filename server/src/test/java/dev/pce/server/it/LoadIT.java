package dev.pce.server.it;

import dev.pce.engine.event.LeaseExpired;
import dev.pce.engine.event.TaskClaimed;
import dev.pce.engine.event.TaskCompleted;
import dev.pce.engine.event.TaskFailed;
import dev.pce.engine.workspace.Workspace;
import dev.pce.server.bench.load.AuditResult;
import dev.pce.server.bench.load.LoadOptions;
import dev.pce.server.bench.load.LoadPlan;
import dev.pce.server.bench.load.LoadResult;
import dev.pce.server.bench.load.LoadRun;
import dev.pce.server.bench.load.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ce bench load} at the scale CI affords: 8 agents in each of 5 pools, 40 in all, spread over 5 real server
 * processes on one workspace, talking over real stdio, writing one real event log, until a plan of at least 2,000
 * transitions is done (the full 10,000 is the benchmark's, see docs/performance.md). The audit of the log on disk
 * must find nothing lost, nothing duplicated, no double claim, and the rest of its checks (LogAuditTest proves each
 * finds what it looks for). Timing is reported by the benchmark, never asserted here.
 */
class LoadIT {
    private static final int TRANSITIONS = 2_000;

    @TempDir
    Path temp;

    @Test
    void fortyAgentsInFivePoolsOverFiveProcessesLoseAndDuplicateNothing() throws Exception {
        LoadOptions options = new LoadOptions(8, 5, List.of(5), TRANSITIONS, 1);
        LoadPlan plan = LoadPlan.generate(options.pools(), options.agents(), options.transitions(), options.seed());
        Path workspace = temp.resolve("ws");

        LoadResult result = new LoadRun(options, plan, 5, workspace).run();

        assertThat(result.violations()).as(() -> "violations:\n" + result.violations().stream()
                .map(Violation::toString).collect(Collectors.joining("\n"))).isEmpty();
        AuditResult audit = result.audit();
        assertThat(audit.transitions()).isGreaterThanOrEqualTo(TRANSITIONS).isEqualTo(result.acknowledged());
        assertThat(audit.transitionsByType().keySet()).isSubsetOf(TaskClaimed.TYPE, TaskCompleted.TYPE,
                TaskFailed.TYPE, LeaseExpired.TYPE);
        assertThat(audit.transitionsByType().get(TaskCompleted.TYPE)).isEqualTo(plan.tasks());
        assertThat(audit.transitionsByType().get(TaskFailed.TYPE)).as("seeded failures").isPositive();
        // a claim reported only as its lease ran out: kept, or refused because the task was taken over (expired)
        assertThat(result.lateKept() + result.lateRefused()).isEqualTo(result.abandoned()).isPositive();
        assertThat(audit.transitionsByType().getOrDefault(LeaseExpired.TYPE, 0)).isEqualTo(result.lateRefused());
        assertThat(audit.tasksDone()).isEqualTo(plan.tasks());
        assertThat(result.repeats()).as("reports sent twice, answered as duplicates").isPositive();
        assertThat(result.eventsRead()).as("events read with ce_events while others appended").isPositive();
        // the audit read the file the servers wrote, all of it
        Path log = Workspace.open(workspace).eventsFile(result.workflowId());
        assertThat(Files.readAllLines(log)).hasSize((int) audit.events());
        assertThat(audit.replayed().lastSeq()).isEqualTo(audit.events());
    }
}
