package dev.pce.server.it;

import dev.pce.server.client.ServerLauncher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The built jar run as a {@code ce} command in its own process, with stdin closed; or the {@code ce} script. */
final class CeProcess {
    /** How long a command of the jar may take before it counts as hung. */
    private static final Duration LIMIT = Duration.ofMinutes(2);
    /** The script may build the jar or write the server's start-up cache first. */
    private static final Duration SCRIPT_LIMIT = Duration.ofMinutes(5);

    /** What a command did: its exit code and everything it printed. */
    record Run(int exitCode, String out, String err) {
    }

    private CeProcess() {
    }

    static Run ce(Path workspace, String... arguments) throws IOException, InterruptedException {
        return run(Optional.empty(), workspace, Map.of(), arguments);
    }

    /**
     * @param directory   the process's working directory (default: the test's)
     * @param environment variables besides CE_WORKSPACE
     */
    static Run run(Optional<Path> directory, Path workspace, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        return finish(start(command(directory, workspace, environment, arguments)), LIMIT);
    }

    /** The command of the built jar, not started yet: for a test that watches it while it runs. */
    static ProcessBuilder command(Optional<Path> directory, Path workspace, Map<String, String> environment,
                                  String... arguments) {
        List<String> command = new ArrayList<>(List.of(ServerLauncher.javaExecutable().toString(), "-jar",
                ServerLauncher.jar().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        directory.ifPresent(dir -> builder.directory(dir.toFile()));
        builder.environment().put("CE_WORKSPACE", workspace.toString());
        builder.environment().putAll(environment);
        return builder;
    }

    /** Runs the {@code ce} script of the checkout at {@code root}, as a user does. */
    static Run script(Path root, Path workspace, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root.resolve("ce").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("CE_WORKSPACE", workspace.toString());
        return finish(start(builder), SCRIPT_LIMIT);
    }

    /** Starts the command with its stdin closed. */
    static Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    /**
     * Waits for a started command and collects what it printed from now on. A command still running after
     * {@code limit} is killed with every process it started, and the test fails: a hung command must not hang the
     * build.
     */
    static Run finish(Process process, Duration limit) throws InterruptedException {
        String command = process.info().commandLine().orElse("ce");
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        boolean finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Run run = new Run(finished ? process.exitValue() : -1, new String(out.join(), StandardCharsets.UTF_8),
                new String(err.join(), StandardCharsets.UTF_8));
        if (!finished) {
            throw new AssertionError(command + " did not finish within " + limit + " and was killed; it printed:\n" + run.out() + run.err());
        }
        return run;
    }

    /** All of a stream; what was read when a killed process's stream broke off is lost, which only a failure sees. */
    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
