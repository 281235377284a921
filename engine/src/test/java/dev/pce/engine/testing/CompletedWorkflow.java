package dev.pce.engine.testing;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.service.ClaimedTask;
import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.workflow.CompleteCommand;
import dev.pce.engine.workspace.Workspace;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A workspace holding one workflow whose tasks bob claimed and completed one after the other, in plan order: its log
 * is the plan, then a claim and a completion per task (line 2k and 2k+1 for the k-th task). The tests that damage
 * logs start from it.
 */
public final class CompletedWorkflow implements AutoCloseable {
    public static final Duration TTL = Duration.ofMinutes(15);

    private final Workspace workspace;
    private final WorkflowService service;
    private final String id;

    private CompletedWorkflow(Workspace workspace, WorkflowService service, String id) {
        this.workspace = workspace;
        this.service = service;
        this.id = id;
    }

    /** Opens a workspace in {@code dir}, plans {@code tasks} and completes each. */
    public static CompletedWorkflow of(Path dir, Clock clock, List<TaskSpec> tasks) {
        Workspace workspace = Workspace.open(dir.resolve(".ce-workspace"));
        WorkflowService service = new WorkflowService(workspace, clock);
        String id = service.plan("ship", tasks, "planner").workflowId();
        completeEach(service, id, tasks);
        return new CompletedWorkflow(workspace, service, id);
    }

    /** Claims and completes each of {@code tasks} in order, as bob of the builders. */
    public static void completeEach(WorkflowService service, String workflowId, List<TaskSpec> tasks) {
        for (TaskSpec task : tasks) {
            ClaimedTask claimed = service.claim(workflowId, "builders", "bob", Optional.of(task.id()), TTL).task()
                    .orElseThrow();
            service.complete(workflowId, new CompleteCommand(task.id(), claimed.claimId(), "bob", "done", List.of(),
                    NullNode.getInstance()));
        }
    }

    public Workspace workspace() {
        return workspace;
    }

    /** The service that wrote the log, still running. */
    public WorkflowService service() {
        return service;
    }

    public String id() {
        return id;
    }

    public Path log() {
        return workspace.eventsFile(id);
    }

    @Override
    public void close() {
        service.close();
    }
}
