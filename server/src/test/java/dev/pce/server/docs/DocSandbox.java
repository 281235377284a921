package dev.pce.server.docs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.server.client.McpStdioClient;
import dev.pce.server.client.ServerLauncher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway project in which one document's examples run: a {@code ./ce} that starts the built jar, its own
 * workspace and vault, and a real server over stdio (started on first use, with the project as its working
 * directory, so relative evidence paths resolve as they would for a user).
 */
final class DocSandbox implements AutoCloseable {
    /** What one shell command did. */
    record Shell(int exitCode, String out, String err) {
        String output() {
            return out + err;
        }
    }

    private final Path project;
    private McpStdioClient server;
    private String workflowId;
    private final Map<String, String> poolOfTask = new HashMap<>();

    private DocSandbox(Path project) {
        this.project = project;
    }

    static DocSandbox create(Path directory) throws IOException {
        Path project = Files.createDirectories(directory.resolve("project"));
        Path launcher = project.resolve("ce");
        Files.writeString(launcher, "#!/usr/bin/env bash\nexec '" + ServerLauncher.javaExecutable()
                + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar '"
                + ServerLauncher.jar() + "' \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        // the docs' commands run from the repository's root, where examples/ is
        Files.createSymbolicLink(project.resolve("examples"), Path.of("").toAbsolutePath().getParent()
                .resolve("examples"));
        copyFixtures(directory.getFileName().toString().replaceFirst("\\.md$", ""), project);
        DocSandbox sandbox = new DocSandbox(project);
        sandbox.workflowId = recordedWorkflow(sandbox.workspace());
        return sandbox;
    }

    /**
     * What a document's examples expect to find in the project: docs-sandbox/DOC/ (evidence files; a recorded
     * workflow's event log under workspace/, which becomes the project's .ce-workspace/).
     */
    private static void copyFixtures(String document, Path project) throws IOException {
        Path fixtures = Path.of("src/test/resources/docs-sandbox", document).toAbsolutePath();
        if (!Files.isDirectory(fixtures)) {
            return;
        }
        try (var files = Files.walk(fixtures)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                // kept as workspace/ in the repository, where .ce-workspace/ is ignored
                Path target = project.resolve(fixtures.relativize(file).toString().replaceFirst("^workspace/",
                        ".ce-workspace/"));
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    /** The workflow a fixture brought along (a recorded run), which the examples then act on. */
    private static String recordedWorkflow(Path workspace) throws IOException {
        Path workflows = workspace.resolve("workflows");
        if (!Files.isDirectory(workflows)) {
            return null;
        }
        try (var dirs = Files.list(workflows)) {
            return dirs.map(dir -> dir.getFileName().toString()).sorted().reduce((first, second) -> second)
                    .orElse(null);
        }
    }

    Path project() {
        return project;
    }

    Path workspace() {
        return project.resolve(".ce-workspace");
    }

    /** Writes {@code text} at {@code relative} inside the project. */
    Path write(String relative, String text) throws IOException {
        Path file = project.resolve(relative).normalize();
        if (!file.startsWith(project)) {
            throw new IllegalArgumentException(relative + " leads outside the sandbox");
        }
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    /** Runs one command line with bash in the project, as a user would type it. */
    Shell shell(String commandLine) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", commandLine).directory(project.toFile());
        environment(builder.environment());
        Process process = builder.start();
        process.getOutputStream().close();
        var err = process.getErrorStream();
        Thread.Builder.OfVirtual drain = Thread.ofVirtual();
        byte[][] errBytes = new byte[1][];
        Thread errReader = drain.start(() -> {
            try {
                errBytes[0] = err.readAllBytes();
            } catch (IOException e) {
                errBytes[0] = e.toString().getBytes(StandardCharsets.UTF_8);
            }
        });
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("'" + commandLine + "' did not end within 180 s");
        }
        errReader.join();
        return new Shell(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(errBytes[0], StandardCharsets.UTF_8));
    }

    /** The server of this sandbox, started on first use. */
    McpStdioClient server() throws IOException {
        if (server == null) {
            ProcessBuilder builder = ServerLauncher.serve(workspace(), List.of()).directory(project.toFile())
                    .redirectError(project.resolveSibling("server.stderr").toFile());
            environment(builder.environment());
            builder.environment().put("CE_VALIDATE_OUTPUT", "1");
            server = McpStdioClient.start(builder, Duration.ofSeconds(60));
            server.initialize("pce-doc-examples");
        }
        return server;
    }

    /** Remembers a plan the examples made: later examples act on it. */
    void planned(JsonNode planResult) {
        workflowId = planResult.path("workflow_id").asText();
        planResult.path("tasks").forEach(task -> poolOfTask.put(task.path("id").asText(),
                task.path("pool").asText()));
    }

    Optional<String> workflowId() {
        return Optional.ofNullable(workflowId);
    }

    Optional<String> poolOf(String taskId) {
        return Optional.ofNullable(poolOfTask.get(taskId));
    }

    private void environment(Map<String, String> environment) {
        environment.put("CE_WORKSPACE", workspace().toString());
        environment.put("CE_VAULT", project.resolve("vault").toString());
        environment.put("CE_PROJECT", "docs");
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        try {
            Files.deleteIfExists(project.resolve("examples")); // the link, before the temp dir's clean-up warns of it
        } catch (IOException e) {
            // the clean-up deletes it then
        }
    }
}
