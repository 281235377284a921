package dev.pce.engine.service;

import dev.pce.engine.Cancellation;
import dev.pce.engine.dependency.DeclaredEdges;
import dev.pce.engine.event.WorkflowPlanned;
import dev.pce.engine.log.EventLog;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.testing.Plans;
import dev.pce.engine.testing.ServiceTestBase;
import dev.pce.engine.testing.Ticks;
import dev.pce.engine.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan scheduled with other agents per pool than the configured ones (recommended sizes applied) keeps them when
 * another process reads the workflow: from its log, and from a snapshot.
 */
class ScheduledPoolSizesTest extends ServiceTestBase {
    /** Four builders instead of the configured three. */
    private static final PoolChoice FOUR_BUILDERS = (tasks, edges, planners, configured) ->
            configured.with("builders", 4);

    /** Eight builds of 30 minutes: three rounds with three builders, two with four. */
    private String planEightBuilds(PoolChoice pools) {
        return service.plan("eight builds", Plans.independent(8, "build"), "planner", Map.of(), Cancellation.none(),
                pools).workflowId();
    }

    private double remainingMinutes(WorkflowService reader, String workflowId) {
        return reader.status(workflowId).schedule().orElseThrow().remainingMinutes();
    }

    private WorkflowPlanned plannedEvent(String workflowId) {
        return (WorkflowPlanned) service.events(new EventQuery(workflowId, 0, Set.of(WorkflowPlanned.TYPE),
                Optional.empty(), Optional.empty(), 1)).events().getFirst().payload();
    }

    @Test
    void aNewServiceSchedulesTheWorkflowWithTheSizesItWasPlannedWith() {
        String id = planEightBuilds(FOUR_BUILDERS);
        assertThat(remainingMinutes(service, id)).isEqualTo(60);

        try (WorkflowService restarted = new WorkflowService(workspace, clock)) {
            assertThat(remainingMinutes(restarted, id)).as("four builders, read from the log").isEqualTo(60);
        }
        WorkflowPlanned planned = plannedEvent(id);
        assertThat(planned.poolSizes()).containsEntry("builders", 4);
    }

    @Test
    void aPlanOnTheConfiguredPoolsRecordsNoSizesAndFollowsTheConfiguration() {
        String id = planEightBuilds(PoolChoice.CONFIGURED);

        WorkflowPlanned planned = plannedEvent(id);
        assertThat(planned.poolSizes()).isEmpty();
        try (WorkflowService twoBuilders = new WorkflowService(workspace, clock, new DeclaredEdges(), PoolSlots.defaults().with("builders", 2))) {
            assertThat(remainingMinutes(twoBuilders, id)).as("the configuration as it is now").isEqualTo(120);
        }
    }

    @Test
    void theSizesSurviveASnapshot() {
        String id = planEightBuilds(FOUR_BUILDERS);
        try (EventLog log = EventLog.open(workspace.eventsFile(id), clock)) {
            Ticks.append(log, WorkflowHandle.SNAPSHOT_EVERY);
        }
        try (WorkflowService snapshotting = new WorkflowService(workspace, clock)) {
            snapshotting.status(id);
        }
        assertThat(workspace.workflowDir(id).resolve(Workspace.SNAPSHOT_FILE)).exists();

        try (WorkflowService fromSnapshot = new WorkflowService(workspace, clock)) {
            assertThat(remainingMinutes(fromSnapshot, id)).as("four builders, read from the snapshot").isEqualTo(60);
        }
    }
}
