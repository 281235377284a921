package dev.pce.server.it;

import dev.pce.server.client.ServerLauncher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built jar serving Streamable HTTP as {@code ce serve --http 127.0.0.1:0 --token TOKEN} in its own process, on
 * a port of its choosing; stopped on close.
 */
final class HttpServerProcess implements AutoCloseable {
    private final Process process;
    private final URI uri;

    private HttpServerProcess(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    /** Starts a server on a new workspace under {@code temp}, and waits until it listens. */
    static HttpServerProcess start(Path temp, String token) throws IOException {
        Path stderr = Files.createTempFile(temp, "http-server-", ".stderr");
        ProcessBuilder builder = new ProcessBuilder(ServerLauncher.javaExecutable().toString(), "-jar",
                ServerLauncher.jar().toString(), "serve", "--http", "127.0.0.1:0", "--token", token)
                .redirectError(stderr.toFile());
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
