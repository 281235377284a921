package dev.pce.server.it;

import dev.pce.server.client.ServerLauncher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built jar serving Streamable HTTP as {@code ce serve --http 127.0.0.1:0 --token TOKEN} in its own process, on
 * a port of its choosing; stopped on close. Its workspace is {@code ws} in the given directory.
 */
final class HttpServerProcess implements AutoCloseable {
    private final Process process;
    private final URI uri;

    private HttpServerProcess(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    /**
     * Starts a server on a new workspace under {@code temp}, with more options of {@code ce serve} if given, and
     * waits until it listens.
     */
    static HttpServerProcess start(Path temp, String token, String... options) throws IOException {
        List<String> all = new ArrayList<>(List.of("--token", token));
        all.addAll(List.of(options));
        return startWith(temp, all);
    }

    /** Starts a server with exactly these options after {@code --http 127.0.0.1:0}: without a token if none is. */
    static HttpServerProcess startWith(Path temp, List<String> options) throws IOException {
        Path stderr = Files.createTempFile(temp, "http-server-", ".stderr");
        List<String> command = new ArrayList<>(List.of(ServerLauncher.javaExecutable().toString(), "-jar",
                ServerLauncher.jar().toString(), "serve", "--http", "127.0.0.1:0"));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().put("CE_WORKSPACE", temp.resolve("ws").toString());
        Process process = builder.start();
        // the server prints where it listens once it accepts requests
        String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertThat(line).as(() -> "first line of ce serve --http; its stderr:\n" + quietly(stderr))
                .startsWith("PCE MCP server on http://");
        return new HttpServerProcess(process, URI.create(line.substring(line.indexOf("http://"))));
    }

    private static String quietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** The endpoint, {@code http://127.0.0.1:PORT/mcp}. */
    URI uri() {
        return uri;
    }

    int port() {
        return uri.getPort();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
