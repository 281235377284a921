package dev.pce.engine.workflow;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskStatus;
import dev.pce.engine.testing.StateFixture;
import dev.pce.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.pce.engine.testing.Plans.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How classified edges shape statuses: resource exclusion, implicit hard edges, feedback that does not order. */
class PlanRelationsStateTest {
    private final MutableClock clock = MutableClock.standard();

    private static ClassifiedEdge edge(String from, String to, EdgeClass edgeClass, String resource) {
        return new ClassifiedEdge(from, to, edgeClass, from + " -> " + to, "test-rule", resource);
    }

    @Test
    void tasksWritingTheSameFileNeverRunAtTheSameTime() {
        StateFixture workflow = StateFixture.planned(clock, List.of(task("a").build(), task("b").build()),
                List.of(edge("a", "b", EdgeClass.RESOURCE, "src/Api.java")));
        assertThat(workflow.state().statuses(clock.instant()))
                .containsEntry("a", TaskStatus.READY).containsEntry("b", TaskStatus.READY);

        workflow.claim("builders", "alice", "cl-1");

        assertThat(workflow.state().statuses(clock.instant())).containsEntry("b", TaskStatus.WAITING);
        assertThat(workflow.state().waitingFor("b", clock.instant())).containsExactly("a");
        assertThat(workflow.claim("builders", "bob", "cl-2")).as("nothing else is claimable").isEmpty();
        assertThatThrownBy(() -> workflow.claimTask("b", "builders", "bob", "cl-3"))
                .isInstanceOfSatisfying(CeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.getMessage()).contains("a (claimed by alice) also writes src/Api.java");
                });
    }

    @Test
    void theExclusionEndsWhenTheHolderIsDoneOrItsLeaseRunsOut() {
        StateFixture workflow = StateFixture.planned(clock, List.of(task("a").build(), task("b").build(),
                task("c").build()), List.of(edge("a", "b", EdgeClass.RESOURCE, "f"),
                edge("b", "c", EdgeClass.RESOURCE, "g")));
        workflow.claim("builders", "alice", "cl-1");
        workflow.complete("a", "alice", "cl-1");
        assertThat(workflow.state().statuses(clock.instant())).containsEntry("b", TaskStatus.READY);

        workflow.claimTask("b", "builders", "bob", "cl-2");
        assertThat(workflow.state().statuses(clock.instant())).containsEntry("c", TaskStatus.WAITING);
        clock.advance(StateFixture.LEASE);

        assertThat(workflow.state().statuses(clock.instant()))
                .containsEntry("b", TaskStatus.READY).containsEntry("c", TaskStatus.READY);
    }

    @Test
    void anImplicitHardEdgeOrdersTasksThatDeclaredNothing() {
        StateFixture workflow = StateFixture.planned(clock, List.of(task("api").build(), task("client").build()),
                List.of(edge("api", "client", EdgeClass.HARD, "")));

        assertThat(workflow.state().statuses(clock.instant())).containsEntry("client", TaskStatus.WAITING);
        assertThat(workflow.state().dependentsOf("api")).containsExactly("client");
    }

    @Test
    void feedbackEdgesDoNotOrderTheWork() {
        StateFixture workflow = StateFixture.planned(clock, List.of(task("build").build(),
                task("review").kind("review").build()), List.of(edge("build", "review", EdgeClass.FEEDBACK, "")));

        assertThat(workflow.state().statuses(clock.instant())).containsEntry("review", TaskStatus.READY);
    }

    @Test
    void aPlanRecordedWithoutEdgesKeepsItsDeclaredDependencies() {
        StateFixture workflow = StateFixture.planned(clock, List.of(task("a").build(),
                task("b").dependsOn("a").build()));

        assertThat(workflow.state().relations().edges()).singleElement().satisfies(edge -> {
            assertThat(edge.edgeClass()).isEqualTo(EdgeClass.HARD);
            assertThat(edge.rule()).isEqualTo("declared");
        });
        assertThat(workflow.state().statuses(clock.instant())).containsEntry("b", TaskStatus.WAITING);
    }
}
