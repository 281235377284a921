package dev.pce.server.github.replay;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Replays a GitHub Actions workflow file on this machine, without GitHub and without containers: jobs one after
 * another in {@code needs} order (independent jobs and matrix legs run one at a time, not in parallel), each in a
 * workspace of its own that {@code actions/checkout} fills with a copy of the repository, {@code run:} steps with
 * GitHub's shells, and the known actions replaced by their documented effect ({@link Actions}). See
 * docs/github-actions.md, "How the examples are proven".
 *
 * <pre>{@code
 * RunResult run = WorkflowReplay.of(repository, temp)
 *         .secret("ANTHROPIC_API_KEY", "sk-test")
 *         .model(model.baseUrl())
 *         .run(Path.of("examples/github/x.yml"), Trigger.dispatch(Map.of("goal", "rate limiting")));
 * }</pre>
 */
public final class WorkflowReplay {
    private final Path repository;
    private final Path workDirectory;
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, RunResult> earlierRuns = new LinkedHashMap<>();
    private URI model;
    private Duration stepTimeout = Duration.ofMinutes(10);

    private WorkflowReplay(Path repository, Path workDirectory) {
        this.repository = repository.toAbsolutePath().normalize();
        this.workDirectory = workDirectory.toAbsolutePath().normalize();
    }

    /**
     * @param repository    what {@code actions/checkout} copies into each job's workspace (for a git work tree,
     *                      its files that git does not ignore); local reusable workflows are read from it
     * @param workDirectory where runs keep their workspaces, runner folders and artifacts (a test's temp folder)
     */
    public static WorkflowReplay of(Path repository, Path workDirectory) {
        return new WorkflowReplay(repository, workDirectory);
    }

    /** A repository secret ({@code secrets.NAME}); {@code GITHUB_TOKEN} is always there. */
    public WorkflowReplay secret(String name, String value) {
        secrets.put(name, value);
        return this;
    }

    /** A configuration variable ({@code vars.NAME}). */
    public WorkflowReplay variable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    /** A variable of the runner's environment, as an image or a self-hosted runner would have it. */
    public WorkflowReplay environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** The Messages API {@code anthropics/claude-code-action} talks to: a {@code ModelStandIn}'s base URL. */
    public WorkflowReplay model(URI messagesApi) {
        this.model = messagesApi;
        return this;
    }

    /** An earlier run whose artifacts {@code download-artifact} may fetch with {@code run-id} and a token. */
    public WorkflowReplay after(RunResult earlier) {
        earlierRuns.put(earlier.runId(), earlier);
        return this;
    }

    /** How long a step may take when it sets no {@code timeout-minutes} (default 10 minutes). */
    public WorkflowReplay stepTimeout(Duration timeout) {
        this.stepTimeout = timeout;
        return this;
    }

    /**
     * Runs the workflow for the trigger.
     *
     * @param workflow the workflow file, relative to the repository or absolute
     * @throws WorkflowException when GitHub would not run it or the replayer cannot (see its message)
     */
    public RunResult run(Path workflow, Trigger trigger) {
        Path file = repository.resolve(workflow).normalize();
        String name = file.startsWith(repository) ? repository.relativize(file).toString() : file.toString();
        WorkflowFile parsed = WorkflowFile.read(file, name);
        WorkflowValidation.check(parsed, repository);
        RunState run = RunState.start(this, parsed, trigger);
        return new WorkflowRunner(run, parsed, run.inputsFor(parsed, trigger), run.secrets(), 1).run();
    }

    Path repository() {
        return repository;
    }

    Path workDirectory() {
        return workDirectory;
    }

    Map<String, String> secrets() {
        return Map.copyOf(secrets);
    }

    Map<String, String> variables() {
        return Map.copyOf(variables);
    }

    Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    Optional<URI> model() {
        return Optional.ofNullable(model);
    }

    Optional<RunResult> earlierRun(String runId) {
        return Optional.ofNullable(earlierRuns.get(runId));
    }

    Duration stepTimeout() {
        return stepTimeout;
    }
}
