package dev.pce.engine.testing;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.EventIds;
import dev.pce.engine.event.NewEvent;
import dev.pce.engine.event.WorkflowPlanned;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.model.TaskStatus;
import dev.pce.engine.workflow.ClaimCommand;
import dev.pce.engine.workflow.CompleteCommand;
import dev.pce.engine.workflow.FailCommand;
import dev.pce.engine.workflow.TaskCommand;
import dev.pce.engine.workflow.WorkflowState;
import dev.pce.testing.MutableClock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workflow folded in memory, without a log: commands are decided at the clock's time and their events applied
 * with the next sequence numbers, exactly as the service does under the log's lock. Keeps every event, so tests
 * can replay the history.
 */
public final class StateFixture {
    public static final String WORKFLOW_ID = "wf-test";
    public static final Duration LEASE = Duration.ofMinutes(10);

    private final MutableClock clock;
    private final WorkflowState state = new WorkflowState(WORKFLOW_ID);
    private final List<Event> history = new ArrayList<>();

    private StateFixture(MutableClock clock) {
        this.clock = clock;
    }

    public static StateFixture planned(MutableClock clock, List<TaskSpec> tasks) {
        return planned(clock, new WorkflowPlanned("test goal", tasks));
    }

    /** A plan with its classified relations given. */
    public static StateFixture planned(MutableClock clock, List<TaskSpec> tasks, List<ClassifiedEdge> edges) {
        return planned(clock, new WorkflowPlanned("test goal", tasks, edges));
    }

    private static StateFixture planned(MutableClock clock, WorkflowPlanned plan) {
        StateFixture fixture = new StateFixture(clock);
        fixture.record(List.of(new NewEvent("planner", plan)));
        return fixture;
    }

    /** Gives the events ids, sequence numbers and the current time, and applies them. */
    public List<Event> record(List<NewEvent> events) {
        List<Event> recorded = new ArrayList<>();
        for (NewEvent draft : events) {
            Event event = new Event(EventIds.next(clock.millis()), history.size() + 1L, clock.instant(),
                    draft.source(), draft.payload());
            state.apply(event);
            history.add(event);
            recorded.add(event);
        }
        return recorded;
    }

    /** Decides the command against the current state at the clock's time and records what it decided. */
    public List<Event> run(TaskCommand command) {
        return record(command.decide(state, clock.instant()));
    }

    public List<Event> claim(String pool, String agent, String claimId) {
        return run(new ClaimCommand(pool, agent, Optional.empty(), LEASE, claimId));
    }

    public List<Event> claimTask(String taskId, String pool, String agent, String claimId) {
        return run(new ClaimCommand(pool, agent, Optional.of(taskId), LEASE, claimId));
    }

    public List<Event> complete(String taskId, String agent, String claimId) {
        return run(new CompleteCommand(taskId, claimId, agent, "finished " + taskId, List.of(),
                NullNode.getInstance()));
    }

    public List<Event> fail(String taskId, String agent, String claimId, boolean retryable) {
        return run(new FailCommand(taskId, claimId, agent, "broke " + taskId, retryable));
    }

    public WorkflowState state() {
        return state;
    }

    public List<Event> history() {
        return List.copyOf(history);
    }

    public Map<String, TaskStatus> statuses() {
        return state.statuses(clock.instant());
    }

    public TaskStatus status(String taskId) {
        return statuses().get(taskId);
    }
}
