package dev.pce.server.it;

import dev.pce.server.client.ServerLauncher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The built jar run as a {@code ce} command in its own process, with stdin closed. */
final class CeProcess {

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
        List<String> command = new ArrayList<>(List.of(ServerLauncher.javaExecutable().toString(), "-jar",
                ServerLauncher.jar().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        directory.ifPresent(dir -> builder.directory(dir.toFile()));
        builder.environment().put("CE_WORKSPACE", workspace.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }
}
