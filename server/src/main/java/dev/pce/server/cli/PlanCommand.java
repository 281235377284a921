package dev.pce.server.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.engine.model.TaskStatus;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.service.TaskView;
import dev.pce.engine.service.WorkflowPhase;
import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.service.WorkflowStatus;
import dev.pce.server.quality.ProjectSettings;
import dev.pce.server.wiring.CommandWiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code ce plan --matrix}: a workflow's ready tasks as a GitHub Actions matrix, one job per task and at most as many
 * jobs per pool as the pool has agents (the project's pools, {@code CE_POOLS} over them), in the order
 * {@code ce_claim} hands them out. Ready tasks left over are the next run's. Each entry names a key safe for
 * artifact and file names, since task ids may hold characters artifact names may not ({@code /}, {@code :}). With
 * {@code --github-output} it also tells the job how many tasks are listed and whether another round of jobs has
 * work, so a workflow never starts a job on an empty matrix (which GitHub refuses).
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Print the ready tasks of a workflow as a JSON matrix for GitHub Actions' strategy.matrix: "
                + "{\"include\": [{\"task_id\", \"key\", \"pool\", \"title\", \"kind\"}, ...]}, at most as "
                + "many per pool as the pool has agents (pools in .ce/config.yml or .github/ce-config.yml, CE_POOLS), "
                + "critical path first; key is the task id made safe for artifact names.")
public final class PlanCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspaceOption = new WorkspaceOption();

    @Option(names = "--matrix", required = true, description = "Print the matrix (the only output so far).")
    boolean matrix;

    @Option(names = "--workflow", required = true, paramLabel = "ID", description = "The workflow.")
    String workflowId;

    @Option(names = "--pool", paramLabel = "POOL", description = "Only the ready tasks of this pool.")
    Optional<String> pool;

    @Option(names = "--github-output", description = "Also append matrix=, tasks= (how many are ready), phase= "
            + "(active, completed or failed) and more= (true when the workflow is active and a task is ready) to "
            + "the file $GITHUB_OUTPUT names, for the job's outputs.")
    boolean githubOutput;

    @Override
    public Integer call() {
        PoolSlots agents = ProjectSettings.of(Path.of("").toAbsolutePath()).poolSlots(System.getenv());
        ObjectNode json = Json.mapper().createObjectNode();
        ArrayNode include = json.putArray("include");
        Map<String, Integer> listed = new TreeMap<>();
        Map<String, Integer> left = new TreeMap<>();
        WorkflowPhase phase;
        try (WorkflowService workflows = CommandWiring.withoutRules(workspaceOption.open())) {
            Map<String, TaskView> ready = new HashMap<>();
            WorkflowStatus status = workflows.status(workflowId);
            phase = status.phase();
            for (TaskView task : status.tasks()) {
                if (task.status() == TaskStatus.READY && pool.map(task.pool()::equals).orElse(true)) {
                    ready.put(task.id(), task);
                }
            }
            for (String id : workflows.priorityOrder(workflowId)) {
                TaskView task = ready.get(id);
                if (task == null) {
                    continue;
                }
                if (listed.getOrDefault(task.pool(), 0) >= agents.slotsOf(task.pool())) {
                    left.merge(task.pool(), 1, Integer::sum);
                    continue;
                }
                listed.merge(task.pool(), 1, Integer::sum);
                include.addObject().put("task_id", task.id()).put("key", ArtifactKey.of(task.id()))
                        .put("pool", task.pool()).put("title", task.title()).put("kind", task.kind());
            }
        }
        // one line: GitHub reads it with fromJSON from a step output
        workspaceOption.out().println(json);
        workspaceOption.out().flush();
        left.forEach((name, count) -> workspaceOption.err().println("ce plan: " + count + " more ready task(s)"
                + " of pool " + name + " wait for the next run: the pool has " + agents.slotsOf(name) + " agent(s)"
                + " (pools." + name + " in .ce/config.yml or .github/ce-config.yml, or CE_POOLS, sets more)."));
        if (githubOutput) {
            boolean more = phase == WorkflowPhase.ACTIVE && !include.isEmpty();
            GitHubFiles.append(GitHubFiles.OUTPUT, "matrix=" + json + "\ntasks=" + include.size() + "\nphase="
                    + phase.wireName() + "\nmore=" + more + "\n");
        }
        return 0;
    }
}
