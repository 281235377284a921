package dev.pce.server.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.engine.model.TaskStatus;
import dev.pce.engine.service.TaskView;
import dev.pce.engine.service.WorkflowService;
import dev.pce.server.logging.LoggingSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code ce plan --matrix}: a workflow's ready tasks as a GitHub Actions matrix, one job per task. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Print the ready tasks of a workflow as a JSON matrix for GitHub Actions' strategy.matrix: "
                + "{\"include\": [{\"task_id\", \"pool\", \"title\", \"kind\"}, ...]}.")
public final class PlanCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspaceOption = new WorkspaceOption();

    @Option(names = "--matrix", required = true, description = "Print the matrix (the only output so far).")
    boolean matrix;

    @Option(names = "--workflow", required = true, paramLabel = "ID", description = "The workflow.")
    String workflowId;

    @Option(names = "--pool", paramLabel = "POOL", description = "Only the ready tasks of this pool.")
    Optional<String> pool;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LoggingSetup.configureForCli();
        ObjectNode json = Json.mapper().createObjectNode();
        ArrayNode include = json.putArray("include");
        try (WorkflowService workflows = new WorkflowService(workspaceOption.open(), Clock.systemUTC())) {
            for (TaskView task : workflows.status(workflowId).tasks()) {
                if (task.status() == TaskStatus.READY && pool.map(task.pool()::equals).orElse(true)) {
                    include.addObject().put("task_id", task.id()).put("pool", task.pool()).put("title", task.title())
                            .put("kind", task.kind());
                }
            }
        }
        // one line: GitHub reads it with fromJSON from a step output
        spec.commandLine().getOut().println(json);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
