package dev.pce.engine.service;

import dev.pce.engine.Cancellation;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.dependency.DeclaredEdges;
import dev.pce.engine.dependency.DependencyClassifier;
import dev.pce.engine.event.EvidenceReported;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.testing.Plans;
import dev.pce.engine.workspace.Workspace;
import dev.pce.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.pce.engine.testing.Plans.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Work cancelled before its point of no return stores nothing; a cancel after it is refused and the work is
 * stored and reported in full.
 */
class CancelledWorkTest {
    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.standard();

    @Test
    void aPlanCancelledWhileItsRelationsAreClassifiedCreatesNoWorkflow() throws IOException {
        Cancellation cancellation = new Cancellation();
        // the caller cancels while the (slow) classification runs
        DependencyClassifier cancelledMeanwhile = new DependencyClassifier() {
            @Override
            public List<ClassifiedEdge> classify(List<TaskSpec> tasks) {
                cancellation.cancel();
                return new DeclaredEdges().classify(tasks);
            }
        };
        Workspace workspace = Workspace.open(dir.resolve("ws"));
        try (WorkflowService service = new WorkflowService(workspace, clock, cancelledMeanwhile,
                PoolSlots.defaults())) {
            assertThatThrownBy(() -> service.plan("ship", Plans.independent(50, "implement"), "planner", Map.of(),
                    cancellation)).isInstanceOf(Cancellation.Cancelled.class);

            assertThat(service.list().workflows()).isEmpty();
            try (Stream<Path> entries = Files.list(workspace.root().resolve("workflows"))) {
                assertThat(entries).as("not even a staging directory").isEmpty();
            }
        }
    }

    @Test
    void aPlanWhoseCancelComesAfterTheCommitIsStoredAndAnswered() {
        Cancellation cancellation = new Cancellation();
        try (WorkflowService service = new WorkflowService(Workspace.open(dir.resolve("ws")), clock)) {
            cancellation.commit();
            PlanResult plan = service.plan("ship", Plans.of(task("a")), "planner", Map.of(), cancellation);

            assertThat(cancellation.cancel()).isFalse();
            assertThat(service.status(plan.workflowId()).tasks()).hasSize(1);
        }
    }

    @Test
    void evidenceWhoseReportWasCancelledIsNotAppended() {
        try (WorkflowService service = new WorkflowService(Workspace.open(dir.resolve("ws")), clock)) {
            String id = service.plan("ship", Plans.of(task("a")), "planner").workflowId();
            Cancellation cancelled = new Cancellation();
            cancelled.cancel();
            EvidenceReported report = new EvidenceReported("tests", List.of(), List.of(), List.of(), List.of());

            assertThatThrownBy(() -> service.reportEvidence(id, report, "ci", cancelled))
                    .isInstanceOf(Cancellation.Cancelled.class);
            assertThat(service.events(new EventQuery(id, 0, java.util.Set.of(), java.util.Optional.empty(),
                    java.util.Optional.empty(), 100)).events()).hasSize(1);
        }
    }
}
