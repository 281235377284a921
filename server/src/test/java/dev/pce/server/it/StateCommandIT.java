package dev.pce.server.it;

import dev.pce.server.it.CeProcess.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ce state} hands a workflow from CI job to CI job as GitHub Actions would run them: each job a separate
 * clone of the repository with its own workspace, the state directory carried between them as an artifact.
 */
class StateCommandIT {
    @TempDir
    Path temp;

    @Test
    void jobsGetTheLogAndTheCodeOfTheJobsBeforeAndTheirChangesBecomeOneCommitEach() throws Exception {
        Path origin = repository(temp.resolve("origin"));
        Path planner = cloneOf(origin, "planner");
        String workflow;
        try (ServerUnderTest server = ServerUnderTest.start(planner.resolve(".ce-workspace"))) {
            workflow = server.ok("ce_plan", args("goal", "g", "tasks", List.of(
                    args("id", "api", "title", "API", "kind", "build", "writes", List.of("src/Api.java")),
                    args("id", "ui", "title", "UI", "kind", "build", "writes", List.of("src/Ui.java")))))
                    .path("workflow_id").asText();
        }
        Path state = temp.resolve("artifact/ce-state");
        assertThat(ce(planner, "state", "save", state.toString(), "--workflow", workflow).exitCode()).isZero();
        assertThat(state.resolve("events.jsonl")).exists();
        assertThat(state.resolve("code.bundle")).exists();

        List<Path> patches = new ArrayList<>();
        for (String task : List.of("api", "ui")) {
            Path job = cloneOf(origin, "job-" + task);
            Run restored = ce(job, "state", "restore", state.toString(), "--workflow", workflow);
            assertThat(restored.exitCode()).as(restored.err()).isZero();
            assertThat(job.resolve(".ce-workspace/workflows/" + workflow + "/events.jsonl")).exists();
            Files.createDirectories(job.resolve("src"));
            Files.writeString(job.resolve("src/" + (task.equals("api") ? "Api" : "Ui") + ".java"), "class " + task
                    + " {}\n");
            Files.writeString(job.resolve("README.md"), "changed by " + task + "\n".repeat(task.length()));
            Files.writeString(job.resolve(".mcp.json"), "{}"); // PCE's own file: never part of the changes
            Path patch = Files.createDirectories(temp.resolve("jobs/job-1-" + task)).resolve("changes.patch");
            assertThat(ce(job, "state", "changes", patch.toString()).exitCode()).isZero();
            assertThat(Files.readString(patch)).contains("src/", "README.md").doesNotContain(".mcp.json");
            patches.add(patch);
        }

        Path merger = cloneOf(origin, "merge");
        assertThat(ce(merger, "state", "restore", state.toString(), "--workflow", workflow).exitCode()).isZero();
        Run clash = ce(merger, "state", "apply", patches.get(0).toString(), patches.get(1).toString());
        assertThat(clash.exitCode()).isEqualTo(2);
        assertThat(clash.err()).contains("The changes of job-1-ui", "do not apply to the code of the jobs before",
                "declare the files each task writes");

        Path fresh = cloneOf(origin, "merge-again");
        assertThat(ce(fresh, "state", "restore", state.toString(), "--workflow", workflow).exitCode()).isZero();
        // without its change of README.md, the second job's patch touches other files than the first one's
        Files.writeString(patches.get(1), Files.readString(patches.get(1))
                .replaceAll("(?s)diff --git a/README.md.*?(?=diff --git|\\z)", ""));
        Run applied = ce(fresh, "state", "apply", patches.get(0).toString(), patches.get(1).toString());
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        assertThat(applied.out()).contains("applied job-1-api", "applied job-1-ui");
        assertThat(git(fresh, "log", "--format=%s")).startsWith("job-1-ui\njob-1-api\n");
        assertThat(fresh.resolve("src/Api.java")).exists();
        assertThat(fresh.resolve("src/Ui.java")).exists();

        Path next = temp.resolve("artifact-2/ce-state");
        assertThat(ce(fresh, "state", "save", next.toString(), "--workflow", workflow).exitCode()).isZero();
        Path nextJob = cloneOf(origin, "round-2");
        assertThat(ce(nextJob, "state", "restore", next.toString(), "--workflow", workflow).exitCode()).isZero();
        assertThat(nextJob.resolve("src/Ui.java")).hasContent("class ui {}");
    }

    /** Restoring an earlier state over a workflow that went further is a person's choice, not a cut log. */
    @Test
    void anEarlierStateRestoredOverTheWorkflowIsReadAsItIs() throws Exception {
        Path job = cloneOf(repository(temp.resolve("origin")), "job");
        String workflow;
        Path state = temp.resolve("artifact/ce-state");
        try (ServerUnderTest server = ServerUnderTest.start(job.resolve(".ce-workspace"))) {
            workflow = server.ok("ce_plan", args("goal", "g", "tasks", List.of(args("id", "api", "title", "API",
                    "kind", "build")))).path("workflow_id").asText();
            assertThat(ce(job, "state", "save", state.toString(), "--workflow", workflow).exitCode()).isZero();
            var claim = server.ok("ce_claim", args("workflow_id", workflow, "pool", "builders", "agent", "bob"));
            server.ok("ce_complete", args("workflow_id", workflow, "task_id", "api", "agent", "bob",
                    "claim_id", claim.path("task").path("claim_id").asText()));
        }

        assertThat(ce(job, "state", "restore", state.toString(), "--workflow", workflow).exitCode()).isZero();

        Run doctor = ce(job, "doctor");
        assertThat(doctor.exitCode()).as(doctor.out()).isZero();
        assertThat(doctor.out()).contains("ok       workflow " + workflow + ": 1 events");
        try (ServerUnderTest server = ServerUnderTest.start(job.resolve(".ce-workspace"))) {
            assertThat(server.ok("ce_claim", args("workflow_id", workflow, "pool", "builders", "agent", "eve"))
                    .path("claimed").asBoolean()).isTrue();
        }
    }

    @Test
    void aStateDirectoryWithoutItsFilesIsRefusedWithWhatToGive() throws Exception {
        Path job = cloneOf(repository(temp.resolve("origin")), "job");
        Run missing = ce(job, "state", "restore", Files.createDirectories(temp.resolve("empty")).toString(),
                "--workflow", "wf-20261207-000000-abcdef");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("has no events.jsonl", "Give the directory ce state save wrote");
    }

    private static Run ce(Path directory, String... arguments) throws IOException, InterruptedException {
        return CeProcess.run(Optional.of(directory), directory.resolve(".ce-workspace"), Map.of(), arguments);
    }

    private static Path repository(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        git(dir, "init", "--quiet");
        Files.writeString(dir.resolve("README.md"), "A project\n");
        git(dir, "add", "README.md");
        git(dir, "-c", "user.name=dev", "-c", "user.email=dev@localhost", "commit", "--quiet", "-m", "start");
        return dir;
    }

    private Path cloneOf(Path origin, String name) throws IOException, InterruptedException {
        Path clone = temp.resolve(name);
        git(temp, "clone", "--quiet", origin.toString(), clone.toString());
        return clone;
    }

    private static String git(Path dir, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(arguments));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(git.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(git.exitValue()).as(out).isZero();
        return out;
    }
}
