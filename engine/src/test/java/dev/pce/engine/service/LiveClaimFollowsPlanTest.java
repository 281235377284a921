package dev.pce.engine.service;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.pce.engine.dependency.DeclaredEdges;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.testing.ServiceTestBase;
import dev.pce.engine.workflow.ClaimPlan;
import dev.pce.engine.workflow.CompleteCommand;
import dev.pce.engine.workflow.ProgressCommand;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ce_claim follows the live schedule: agents claiming through the real service, on real files, at a clock the test
 * moves, keep a free slot for the critical task that needs it minutes later, as the schedule search plans it.
 * The plan is the soft-edge reproduction of issue 19 (one pool of 2): chains t0 ~> t1 -> t2 (18, 13, 27) and
 * t3 -> t4 ~> t5 (15, 43, 60). Handing out the ready task of highest priority whenever a slot is free starts t2 at
 * 31 and t5 waits until 58: 118 minutes. Following the schedule keeps the slot for t5, which starts on t4's partial
 * output at 36.5: 96.5, the critical path.
 */
class LiveClaimFollowsPlanTest extends ServiceTestBase {
    private static final String POOL = "a2";
    private static final Duration TTL = Duration.ofHours(8);

    @Override
    protected WorkflowService newService() {
        return new WorkflowService(workspace, clock, new DeclaredEdges(), PoolSlots.single(POOL, 2));
    }

    private static List<TaskSpec> softEdgeReproduction() {
        return List.of(task("t0", 18).build(), task("t1", 13).dependsOn("t0", EdgeClass.SOFT).build(),
                task("t2", 27).dependsOn("t1").build(), task("t3", 15).build(),
                task("t4", 43).dependsOn("t3").build(), task("t5", 60).dependsOn("t4", EdgeClass.SOFT).build());
    }

    private static TaskSpec.Builder task(String id, double estimate) {
        return TaskSpec.builder(id, "implement").pool(POOL).estimate(estimate);
    }

    @Test
    void twoAgentsFollowingTheLiveScheduleFinishTheSoftEdgeReproductionAtTheOptimum() {
        Instant origin = clock.instant();
        String id = service.plan("soft edges", softEdgeReproduction(), "planner").workflowId();
        AgentsByEstimate agents = new AgentsByEstimate(id, origin, List.of("agent-1", "agent-2"));

        double makespan = agents.runToTheEnd();

        assertThat(makespan).as("the critical path t3 -> t4 ~> t5").isEqualTo(96.5);
        assertThat(agents.started()).containsEntry("t5", 36.5).containsEntry("t2", 58.0);
        ClaimPlan.Hold hold = agents.holds().getFirst();
        assertThat(hold.taskId()).isEqualTo("t2");
        assertThat(hold.keptFor()).isEqualTo("t5");
        assertThat(hold.resource()).isEqualTo(ClaimPlan.Hold.SLOT);
        assertThat(hold.waitingFor()).containsExactly("t4");
        assertThat(hold.expectedStart()).isEqualTo(origin.plusSeconds(36 * 60 + 30));
    }

    @Test
    void aReadyTaskKeptBackIsAnsweredWithWhyAndWhenAndCanStillBeClaimedByItsId() {
        Instant origin = clock.instant();
        String id = service.plan("soft edges", softEdgeReproduction(), "planner").workflowId();
        upToMinute31(id, origin);

        ClaimResult held = claim(id, "agent-2");

        assertThat(held.claimed()).isFalse();
        assertThat(held.workflowPhase()).as("agents keep asking").isEqualTo(WorkflowPhase.ACTIVE);
        assertThat(held.held()).map(ClaimPlan.Hold::keptFor).contains("t5");
        assertThat(held.message()).contains("'t2' is ready but kept back", "pool a2's free slot for 't5'",
                "waiting for t4", "at " + origin.plusSeconds(36 * 60 + 30), "task_id 't2'");
        ClaimResult overridden = service.claim(id, POOL, "agent-2", Optional.of("t2"), TTL);
        assertThat(overridden.task().orElseThrow().spec().id()).as("a claim by id overrides the plan")
                .isEqualTo("t2");
    }

    @Test
    void theHoldEndsWhenThePartialOutputItWaitsForIsLateByAStep() {
        Instant origin = clock.instant();
        String id = service.plan("soft edges", softEdgeReproduction(), "planner").workflowId();
        upToMinute31(id, origin);

        at(origin, 40); // t4's partial output was due at 36.5; a tenth of its estimate more is granted (to 40.8)
        ClaimResult stillHeld = claim(id, "agent-2");
        assertThat(stillHeld.held()).as(stillHeld.message()).map(ClaimPlan.Hold::keptFor).contains("t5");
        assertThat(stillHeld.message()).contains("as soon as t4 publishes a partial output or finishes");

        at(origin, 41);
        ClaimResult released = claim(id, "agent-2");
        assertThat(released.task()).as(released.message()).map(task -> task.spec().id()).contains("t2");
    }

    @Test
    void plansAboveTheSearchSizeAreHandedOutByPriorityWithoutHolds() {
        List<TaskSpec> tasks = new ArrayList<>(softEdgeReproduction());
        for (int i = 0; i < 1_000; i++) {
            tasks.add(task("filler-" + i, 1).pool("b").build());
        }
        Instant origin = clock.instant();
        String id = service.plan("soft edges and more", tasks, "planner").workflowId();
        upToMinute31(id, origin);

        ClaimResult greedy = claim(id, "agent-2");

        assertThat(greedy.task()).as(greedy.message()).map(task -> task.spec().id()).contains("t2");
    }

    /** Both agents follow the plan to minute 31: t3, t0; t4 at 15; t1 at 18, finished at 31; t4 still running. */
    private void upToMinute31(String id, Instant origin) {
        String t3 = claim(id, "agent-1").task().orElseThrow().claimId();
        String t0 = claim(id, "agent-2").task().orElseThrow().claimId();
        at(origin, 9);
        service.progress(id, new ProgressCommand("t0", t0, "agent-2", "draft/t0", "", false));
        at(origin, 15);
        complete(id, "t3", t3);
        assertThat(claim(id, "agent-1").task()).map(task -> task.spec().id()).contains("t4");
        at(origin, 18);
        complete(id, "t0", t0);
        ClaimResult t1 = claim(id, "agent-2");
        assertThat(t1.task()).map(task -> task.spec().id()).contains("t1");
        at(origin, 31);
        complete(id, "t1", t1.task().orElseThrow().claimId());
    }

    private ClaimResult claim(String workflowId, String agent) {
        return service.claim(workflowId, POOL, agent, Optional.empty(), TTL);
    }

    private void complete(String workflowId, String taskId, String claimId) {
        service.complete(workflowId, new CompleteCommand(taskId, claimId, "agent", "done", List.of(),
                NullNode.getInstance()));
    }

    private void at(Instant origin, double minutes) {
        clock.set(origin.plusNanos(Math.round(minutes * 60e9)));
    }

    /**
     * Agents that take exactly their estimates: each publishes a partial output halfway through a task that others
     * depend on softly, completes it at its estimate (not before a soft prerequisite has finished), and claims again;
     * an agent told to wait asks again at the next moment anything happens.
     */
    private final class AgentsByEstimate {
        private final String workflowId;
        private final Instant origin;
        private final List<String> idle;
        private final Map<String, Work> running = new LinkedHashMap<>();
        private final Map<String, Double> started = new LinkedHashMap<>();
        private final Map<String, Double> finished = new LinkedHashMap<>();
        private final List<ClaimPlan.Hold> holds = new ArrayList<>();

        private record Work(String agent, String taskId, String claimId, double start, double estimate,
                            List<String> softPrerequisites, boolean softDependents, boolean published) {
        }

        AgentsByEstimate(String workflowId, Instant origin, List<String> agents) {
            this.workflowId = workflowId;
            this.origin = origin;
            this.idle = new ArrayList<>(agents);
        }

        /** Runs until the workflow is completed; returns the minute the last task finished. */
        double runToTheEnd() {
            double now = 0;
            List<Double> askAgain = new ArrayList<>();
            for (int step = 0; step < 100; step++) {
                double current = now;
                at(origin, current);
                report(current);
                for (String agent : List.copyOf(idle)) {
                    ClaimResult claim = service.claim(workflowId, POOL, agent, Optional.empty(), TTL);
                    if (claim.workflowPhase().finished()) {
                        return finished.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                    }
                    claim.held().ifPresent(hold -> {
                        holds.add(hold);
                        askAgain.add(Duration.between(origin, hold.expectedStart()).toNanos() / 60e9);
                    });
                    claim.task().ifPresent(task -> {
                        idle.remove(agent);
                        started.put(task.spec().id(), current);
                        running.put(task.spec().id(), new Work(agent, task.spec().id(), task.claimId(), current,
                                task.spec().estimateMinutes(), softPrerequisites(task.spec().id()),
                                hasSoftDependents(task.spec().id()), false));
                    });
                }
                double next = running.values().stream().mapToDouble(work -> nextMoment(work, current))
                        .filter(moment -> moment > current).min().orElse(Double.POSITIVE_INFINITY);
                next = Math.min(next, askAgain.stream().filter(moment -> moment > current)
                        .mapToDouble(Double::doubleValue).min().orElse(Double.POSITIVE_INFINITY));
                askAgain.clear();
                assertThat(next).as("something is still to happen at minute %s", now).isFinite();
                now = next;
            }
            throw new AssertionError("the workflow did not finish in 100 steps");
        }

        private static List<String> softPrerequisites(String taskId) {
            return softEdgeReproduction().stream().filter(spec -> spec.id().equals(taskId))
                    .flatMap(spec -> spec.dependencyTypes().entrySet().stream())
                    .filter(type -> type.getValue() == EdgeClass.SOFT).map(Map.Entry::getKey).toList();
        }

        private static boolean hasSoftDependents(String taskId) {
            return softEdgeReproduction().stream().anyMatch(spec -> softPrerequisites(spec.id()).contains(taskId));
        }

        private void report(double now) {
            for (Work work : List.copyOf(running.values())) {
                if (work.softDependents() && !work.published() && now >= work.start() + work.estimate() / 2) {
                    service.progress(workflowId, new ProgressCommand(work.taskId(), work.claimId(), work.agent(),
                            "draft/" + work.taskId(), "", false));
                    running.put(work.taskId(), new Work(work.agent(), work.taskId(), work.claimId(), work.start(),
                            work.estimate(), work.softPrerequisites(), true, true));
                }
                boolean prerequisitesDone = finished.keySet().containsAll(work.softPrerequisites());
                if (now >= work.start() + work.estimate() && prerequisitesDone) {
                    complete(workflowId, work.taskId(), work.claimId());
                    running.remove(work.taskId());
                    finished.put(work.taskId(), now);
                    idle.add(work.agent());
                }
            }
        }

        private double nextMoment(Work work, double now) {
            double half = work.start() + work.estimate() / 2;
            return work.softDependents() && !work.published() && half > now ? half : work.start() + work.estimate();
        }

        Map<String, Double> started() {
            return started;
        }

        List<ClaimPlan.Hold> holds() {
            return holds;
        }
    }
}
