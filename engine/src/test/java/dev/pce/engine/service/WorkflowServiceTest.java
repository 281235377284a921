package dev.pce.engine.service;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.TaskClaimed;
import dev.pce.engine.event.TaskCompleted;
import dev.pce.engine.event.WorkflowPlanned;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.testing.Plans;
import dev.pce.engine.testing.ServiceTestBase;
import dev.pce.engine.workflow.CompleteCommand;
import dev.pce.engine.workflow.FailCommand;
import dev.pce.engine.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.pce.engine.ErrorCode.CONFLICT;
import static dev.pce.engine.ErrorCode.INVALID_ARGUMENT;
import static dev.pce.engine.ErrorCode.INVALID_PLAN;
import static dev.pce.engine.ErrorCode.UNKNOWN_WORKFLOW;
import static dev.pce.engine.testing.Errors.assertError;
import static dev.pce.engine.testing.Errors.thrown;
import static dev.pce.engine.testing.Plans.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class WorkflowServiceTest extends ServiceTestBase {
    private static final Duration TTL = Duration.ofMinutes(15);

    /** design (planners) -> build (builders) -> review (reviewers), plus docs (builders) on its own. */
    private static List<TaskSpec> pipeline() {
        return Plans.of(task("design").kind("design").pool(""), task("build").pool("").dependsOn("design"),
                task("review").kind("review").pool("").dependsOn("build"), task("docs").kind("docs").pool(""));
    }

    @Test
    void planStoresTheWorkflowWithPoolsResolved() {
        PlanResult plan = service.plan("ship feature X", pipeline(), "planner-1");

        assertThat(plan.workflowId()).matches("wf-20250115-100000-[0-9a-f]{6}");
        assertThat(plan.taskCount()).isEqualTo(4);
        assertThat(plan.tasks()).extracting(TaskSpec::pool)
                .containsExactly("planners", "builders", "reviewers", "builders");
        assertThat(plan.readyNow()).containsExactly("design", "docs");
        assertThat(Path.of(plan.eventLog())).isRegularFile();
        assertThat(workspace.workflowIds()).containsExactly(plan.workflowId());
        Event first = service.events(allEvents(plan.workflowId())).events().get(0);
        assertThat(first.payload()).isInstanceOf(WorkflowPlanned.class);
        assertThat(first.source()).isEqualTo("planner-1");
    }

    @Test
    void invalidPlanStoresNothing() {
        assertError(INVALID_PLAN, () -> service.plan("goal", Plans.of(task("a").dependsOn("a")), "planner"),
                "depends on itself");

        assertThat(workspace.workflowIds()).isEmpty();
        assertThat(service.list().workflows()).isEmpty();
    }

    @Test
    void claimAndCompleteEveryTaskUntilTheWorkflowIsCompleted() {
        String id = service.plan("ship", pipeline(), "planner").workflowId();

        completeNext(id, "planners", "pat", "design");
        ClaimResult build = service.claim(id, "builders", "bob", Optional.empty(), TTL);
        assertThat(build.task().orElseThrow().spec().id()).isEqualTo("build");
        assertThat(build.task().orElseThrow().inputs()).extracting(ClaimedTask.DependencyOutput::taskId,
                ClaimedTask.DependencyOutput::summary).containsExactly(tuple(
                "design", "done: design"));
        TaskResult built = complete(id, "build", "bob", build.task().orElseThrow().claimId());
        assertThat(built.nowReady()).containsExactly("review");
        completeNext(id, "builders", "bob", "docs");
        TaskResult last = completeNext(id, "reviewers", "rita", "review");

        assertThat(last.workflowPhase()).isEqualTo(WorkflowPhase.COMPLETED);
        assertThat(last.progressPercent()).isEqualTo(100.0);
        WorkflowStatus status = service.status(id);
        assertThat(status.phase()).isEqualTo(WorkflowPhase.COMPLETED);
        assertThat(status.counts()).isEqualTo(new StatusCounts(0, 0, 0, 4, 0, 0));
        ClaimResult nothing = service.claim(id, "builders", "bob", Optional.empty(), TTL);
        assertThat(nothing.claimed()).isFalse();
        assertThat(nothing.message()).contains("is completed");
    }

    @Test
    void claimWithNothingReadyExplainsWhy() {
        String id = service.plan("ship", pipeline(), "planner").workflowId();
        service.claim(id, "builders", "bob", Optional.empty(), TTL);

        ClaimResult result = service.claim(id, "builders", "carl", Optional.empty(), TTL);

        assertThat(result.claimed()).isFalse();
        assertThat(result.task()).isEmpty();
        assertThat(result.pool()).isEqualTo(new PoolCounts("builders", 2, 1, 0, 1, 0, 0, 0));
        assertThat(result.message()).contains("1 waiting for dependencies", "1 claimed by other agents");
        assertThat(result.workflowPhase()).isEqualTo(WorkflowPhase.ACTIVE);
    }

    @Test
    void repeatedCompletionIsReportedAsDuplicateAndAppendsNothing() {
        String id = service.plan("ship", pipeline(), "planner").workflowId();
        ClaimResult claim = service.claim(id, "planners", "pat", Optional.empty(), TTL);
        String claimId = claim.task().orElseThrow().claimId();
        complete(id, "design", "pat", claimId);
        long lastSeq = service.status(id).lastSeq();

        TaskResult again = complete(id, "design", "pat", claimId);

        assertThat(again.duplicate()).isTrue();
        assertThat(again.nowReady()).isEmpty();
        assertThat(service.status(id).lastSeq()).isEqualTo(lastSeq);
    }

    @Test
    void aWorkflowWithADamagedLogIsListedAsUnreadableAndTheOthersStillShow() throws Exception {
        String damaged = service.plan("first goal", Plans.of(task("a")), "planner").workflowId();
        String healthy = service.plan("second goal", Plans.of(task("a")), "planner").workflowId();
        Path log = service.workspace().eventsFile(damaged);
        Files.writeString(log, "this is not an event\n" + Files.readString(log));

        try (WorkflowService fresh = new WorkflowService(service.workspace(), clock)) {
            WorkflowListing listing = fresh.list();

            assertThat(listing.workflows()).extracting(WorkflowSummary::workflowId).containsExactly(healthy);
            assertThat(listing.unreadable()).singleElement().satisfies(broken -> {
                assertThat(broken.workflowId()).isEqualTo(damaged);
                assertThat(broken.error()).contains("events.jsonl");
            });
        }
    }

    @Test
    void statusCarriesTheScheduleAndItFollowsTheReports() {
        String id = service.plan("ship", Plans.of(task("a").estimate(10), task("b").estimate(10).dependsOn("a"),
                task("c").estimate(10).dependsOn("b")), "planner").workflowId();
        assertThat(service.status(id).schedule().orElseThrow().etaMinutes()).isEqualTo(30.0);

        String claimA = service.claim(id, "builders", "bob", Optional.empty(), TTL).task().orElseThrow().claimId();
        clock.advance(Duration.ofMinutes(4));
        complete(id, "a", "bob", claimA);

        var schedule = service.status(id).schedule().orElseThrow();
        assertThat(schedule.etaMinutes()).as("a finished 6 minutes early").isEqualTo(24.0);
        assertThat(schedule.criticalPath()).containsExactly("b", "c");
        assertThat(schedule.remainingMinutes()).isEqualTo(20.0);
        try (WorkflowService reopened = new WorkflowService(Workspace.open(workspace.root()), clock)) {
            assertThat(reopened.status(id).schedule()).as("rebuilt from the log").contains(schedule);
        }
    }

    @Test
    void aLeaseTakenOverRestartsTheTaskInTheSchedule() {
        String id = service.plan("ship", Plans.of(task("a").estimate(10), task("b").estimate(10).dependsOn("a")),
                "planner").workflowId();
        service.claim(id, "builders", "bob", Optional.empty(), TTL);
        clock.advance(TTL.plusMinutes(1));
        String second = service.claim(id, "builders", "eve", Optional.empty(), TTL).task().orElseThrow().claimId();
        assertThat(service.status(id).schedule().orElseThrow().etaMinutes())
                .as("a restarted at minute 16 by eve").isEqualTo(36.0);

        complete(id, "a", "eve", second);

        var schedule = service.status(id).schedule().orElseThrow();
        assertThat(schedule.criticalPath()).containsExactly("b");
        assertThat(schedule.remainingMinutes()).isEqualTo(10.0);
    }

    @Test
    void repeatedFailureReportAnswersAsTheFirstDid() {
        String id = service.plan("ship", pipeline(), "planner").workflowId();
        String claimId = service.claim(id, "planners", "pat", Optional.empty(), TTL).task().orElseThrow().claimId();
        FailCommand failure = new FailCommand("design", claimId, "pat", "flaky network", true);
        TaskResult first = service.fail(id, failure);

        TaskResult again = service.fail(id, failure);

        assertThat(first.willRetry()).isTrue();
        assertThat(again.duplicate()).isTrue();
        assertThat(again.willRetry()).isTrue();
    }

    @Test
    void aFailureReportRepeatedAfterLaterAttemptsAnswersAsTheFirstDid() {
        String id = service.plan("ship", pipeline(), "planner").workflowId();
        List<FailCommand> failures = new ArrayList<>();
        for (int attempt = 1; attempt <= FailCommand.MAX_ATTEMPTS; attempt++) {
            String claimId = service.claim(id, "planners", "pat", Optional.empty(), TTL).task().orElseThrow()
                    .claimId();
            failures.add(new FailCommand("design", claimId, "pat", "flaky network", true));
            service.fail(id, failures.getLast());
        }

        TaskResult first = service.fail(id, failures.getFirst());
        TaskResult last = service.fail(id, failures.getLast());

        assertThat(first.duplicate()).isTrue();
        assertThat(first.willRetry()).as("the first failure sent the task back").isTrue();
        assertThat(last.duplicate()).isTrue();
        assertThat(last.willRetry()).as("the last failure failed it for good").isFalse();
    }

    @Test
    void expiredLeaseIsReturnedToThePoolAndTheOldClaimCannotComplete() {
        String id = service.plan("ship", pipeline(), "planner").workflowId();
        String oldClaim = service.claim(id, "planners", "pat", Optional.empty(), TTL).task().orElseThrow().claimId();
        clock.advance(TTL.plusSeconds(1));
        assertThat(service.status(id).tasks().get(0).leaseExpired()).isTrue();

        ClaimResult retaken = service.claim(id, "planners", "quinn", Optional.empty(), TTL);

        assertThat(retaken.expiredLeases()).containsExactly("design");
        assertThat(retaken.task().orElseThrow().attempt()).isEqualTo(2);
        assertError(CONFLICT, () -> complete(id, "design", "pat", oldClaim), "held by quinn");
    }

    @Test
    void finalFailureBlocksDependentsAndFailsTheWorkflowWhenNothingCanRun() {
        String id = service.plan("ship", Plans.of(task("a"), task("b").dependsOn("a")), "planner").workflowId();
        String claimId = service.claim(id, "builders", "bob", Optional.empty(), TTL).task().orElseThrow().claimId();

        TaskResult failed = service.fail(id, new FailCommand("a", claimId, "bob", "disk full", false));

        assertThat(failed.willRetry()).isFalse();
        assertThat(failed.nowBlocked()).containsExactly("b");
        assertThat(failed.workflowPhase()).isEqualTo(WorkflowPhase.FAILED);
        WorkflowStatus status = service.status(id);
        assertThat(status.blocked()).singleElement().satisfies(blocked -> {
            assertThat(blocked.id()).isEqualTo("b");
            assertThat(blocked.failedCause()).containsExactly("a");
        });
    }

    @Test
    void listShowsEveryWorkflowOldestFirst() {
        String first = service.plan("first goal", Plans.of(task("a")), "planner").workflowId();
        clock.advance(Duration.ofMinutes(1));
        String second = service.plan("second goal", Plans.of(task("a")), "planner").workflowId();
        completeNext(second, "builders", "bob", "a");

        List<WorkflowSummary> list = service.list().workflows();

        assertThat(list).extracting(WorkflowSummary::workflowId).containsExactly(first, second);
        assertThat(list).extracting(WorkflowSummary::goal).containsExactly("first goal", "second goal");
        assertThat(list).extracting(WorkflowSummary::phase).containsExactly(WorkflowPhase.ACTIVE,
                WorkflowPhase.COMPLETED);
    }

    @Test
    void eventsCanBeFilteredByTypeTaskAndPool() {
        String id = service.plan("ship", pipeline(), "planner").workflowId();
        completeNext(id, "planners", "pat", "design");
        completeNext(id, "builders", "bob", "build");
        service.claim(id, "builders", "bob", Optional.empty(), TTL);

        assertThat(service.events(query(id, 0, Set.of(TaskCompleted.TYPE), null, null)).events())
                .extracting(event -> ((TaskCompleted) event.payload()).taskId()).containsExactly("design", "build");
        assertThat(service.events(query(id, 0, Set.of(), "build", null)).events())
                .extracting(Event::type).containsExactly(TaskClaimed.TYPE, TaskCompleted.TYPE);
        assertThat(service.events(query(id, 0, Set.of(TaskClaimed.TYPE), null, "builders")).events())
                .extracting(event -> ((TaskClaimed) event.payload()).taskId()).containsExactly("build", "docs");
    }

    @Test
    void eventsArePagedWithACursor() {
        String id = service.plan("ship", pipeline(), "planner").workflowId();
        completeNext(id, "planners", "pat", "design");

        EventsPage first = service.events(new EventQuery(id, 0, Set.of(), Optional.empty(), Optional.empty(), 2));
        EventsPage second = service.events(new EventQuery(id, first.nextAfter(), Set.of(), Optional.empty(),
                Optional.empty(), 2));

        assertThat(first.events()).extracting(Event::seq).containsExactly(1L, 2L);
        assertThat(first.hasMore()).isTrue();
        assertThat(first.lastSeq()).isEqualTo(3);
        assertThat(second.events()).extracting(Event::seq).containsExactly(3L);
        assertThat(second.hasMore()).isFalse();
    }

    @Test
    void unknownWorkflowIsRefusedListingTheKnownOnes() {
        String first = service.plan("one", Plans.of(task("a")), "planner").workflowId();
        clock.advance(Duration.ofSeconds(1));
        String second = service.plan("two", Plans.of(task("a")), "planner").workflowId();

        assertError(UNKNOWN_WORKFLOW, () -> service.status("wf-nope"), "'wf-nope' does not exist", first, second);
        assertError(UNKNOWN_WORKFLOW, () -> service.claim("wf-nope", "builders", "bob", Optional.empty(), TTL),
                "wf-nope");
    }

    @Test
    void workflowIdThatCouldEscapeTheWorkspaceIsRejected() {
        for (String bad : List.of("../x", "/etc", "a/b", ".hidden", "")) {
            assertError(INVALID_ARGUMENT, () -> service.status(bad), "is not a workflow id");
            assertError(INVALID_ARGUMENT, () -> service.events(allEvents(bad)), "is not a workflow id");
        }
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void claimsFromTwoServiceInstancesNeverHandOutTheSameTask() {
        String id = service.plan("ship", Plans.independent(4, "build"), "planner").workflowId();
        try (WorkflowService other = new WorkflowService(Workspace.open(workspace.root()), clock)) {
            List<String> claimed = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                claimed.add(service.claim(id, "builders", "a", Optional.empty(), TTL).task().orElseThrow().spec().id());
                claimed.add(other.claim(id, "builders", "b", Optional.empty(), TTL).task().orElseThrow().spec().id());
            }

            assertThat(claimed).containsExactly("t1", "t2", "t3", "t4");
            assertThat(service.claim(id, "builders", "a", Optional.empty(), TTL).claimed()).isFalse();
        }
    }

    @Test
    void readingEventsDoesNotHideOtherProcessesChangesFromTheState() {
        String id = service.plan("ship", Plans.independent(2, "build"), "planner").workflowId();
        service.status(id); // this instance has read the log up to here
        try (WorkflowService other = new WorkflowService(Workspace.open(workspace.root()), clock)) {
            ClaimResult theirs = other.claim(id, "builders", "b", Optional.empty(), TTL);
            assertThat(theirs.task().orElseThrow().spec().id()).isEqualTo("t1");

            assertThat(service.events(allEvents(id)).events()).hasSize(2);
            ClaimResult mine = service.claim(id, "builders", "a", Optional.empty(), TTL);

            assertThat(mine.task().orElseThrow().spec().id()).as("t1 is already claimed by the other instance")
                    .isEqualTo("t2");
            assertThat(service.status(id).tasks()).extracting(TaskView::claimedBy)
                    .containsExactly(Optional.of("b"), Optional.of("a"));
        }
    }

    @Test
    void commandOnAWorkflowRemovedUnderneathIsRefused() {
        String id = service.plan("ship", Plans.of(task("a")), "planner").workflowId();
        service.status(id);
        Workspace.deleteTree(workspace.workflowDir(id));

        assertThat(thrown(UNKNOWN_WORKFLOW, () -> service.claim(id, "builders", "bob", Optional.empty(), TTL))
                .getMessage()).contains("does not exist");
        assertThat(thrown(UNKNOWN_WORKFLOW, () -> service.status(id)).getMessage())
                .as("no stale state served after the workflow was removed").contains("does not exist");
        assertThat(Files.exists(workspace.workflowDir(id))).isFalse();
    }

    private TaskResult completeNext(String workflowId, String pool, String agent, String expectedTask) {
        ClaimResult claim = service.claim(workflowId, pool, agent, Optional.empty(), TTL);
        assertThat(claim.claimed()).as("claim in " + pool + ": " + claim.message()).isTrue();
        ClaimedTask task = claim.task().orElseThrow();
        assertThat(task.spec().id()).isEqualTo(expectedTask);
        return complete(workflowId, expectedTask, agent, task.claimId());
    }

    private TaskResult complete(String workflowId, String taskId, String agent, String claimId) {
        return service.complete(workflowId, new CompleteCommand(taskId, claimId, agent, "done: " + taskId,
                List.of(), NullNode.getInstance()));
    }

    private static EventQuery allEvents(String workflowId) {
        return new EventQuery(workflowId, 0, Set.of(), Optional.empty(), Optional.empty(), 1000);
    }

    private static EventQuery query(String workflowId, long after, Set<String> types, String taskId, String pool) {
        return new EventQuery(workflowId, after, types, Optional.ofNullable(taskId), Optional.ofNullable(pool), 1000);
    }
}
