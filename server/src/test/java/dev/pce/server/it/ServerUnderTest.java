package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.server.client.McpStdioClient;
import dev.pce.server.client.McpStdioClient.ToolResponse;
import dev.pce.server.client.ServerLauncher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built server jar started as a real process on a workspace, spoken to over its real stdin/stdout. Output
 * validation is on, so every tool result is also checked against its declared output schema by the server.
 */
final class ServerUnderTest implements AutoCloseable {
    private final McpStdioClient client;
    private final Path stderr;

    private ServerUnderTest(McpStdioClient client, Path stderr) {
        this.client = client;
        this.stderr = stderr;
    }

    static ServerUnderTest start(Path workspace) throws IOException {
        return start(workspace, Map.of());
    }

    /** A server with more environment variables (CE_VAULT, CE_VAULTS, ...). */
    static ServerUnderTest start(Path workspace, Map<String, String> environment) throws IOException {
        ServerUnderTest server = launch(workspace, environment);
        server.client.initialize("pce-it");
        return server;
    }

    /** A server working in {@code project}, as Claude Code starts one in a repository. */
    static ServerUnderTest startIn(Path project, Path workspace, Map<String, String> environment) throws IOException {
        ServerUnderTest server = launch(workspace, environment, Optional.of(project));
        server.client.initialize("pce-it");
        return server;
    }

    /** A server no client has initialized yet. */
    static ServerUnderTest launch(Path workspace, Map<String, String> environment) throws IOException {
        return launch(workspace, environment, Optional.empty());
    }

    private static ServerUnderTest launch(Path workspace, Map<String, String> environment, Optional<Path> directory)
            throws IOException {
        Files.createDirectories(workspace);
        Path stderr = Files.createTempFile(workspace.getParent(), "server-", ".stderr");
        ProcessBuilder builder = ServerLauncher.serve(workspace, List.of()).redirectError(stderr.toFile());
        directory.ifPresent(dir -> builder.directory(dir.toFile()));
        builder.environment().put("CE_VALIDATE_OUTPUT", "1");
        builder.environment().putAll(environment);
        return new ServerUnderTest(McpStdioClient.start(builder, Duration.ofSeconds(60)), stderr);
    }

    McpStdioClient client() {
        return client;
    }

    ToolResponse call(String tool, JsonNode arguments) {
        return client.callTool(tool, arguments);
    }

    /** Calls a tool that must succeed, and returns its structured result. */
    JsonNode ok(String tool, JsonNode arguments) {
        ToolResponse response = client.callTool(tool, arguments);
        assertThat(response.isError()).as("%s answered an error: %s", tool, response.text()).isFalse();
        return response.structured();
    }

    String stderr() throws IOException {
        return Files.readString(stderr);
    }

    /**
     * Waits for a log notification (notifications/message, after logging/setLevel) whose text contains
     * {@code text}, and returns it; fails after {@code limit}.
     */
    JsonNode awaitLogNotification(String text, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            for (JsonNode notification : client.notifications()) {
                if (notification.path("method").asText().equals("notifications/message")
                        && notification.path("params").path("data").asText().contains(text)) {
                    return notification;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no log notification with '" + text + "' within " + limit + "; got "
                        + client.notifications());
            }
            Thread.sleep(10);
        }
    }

    /**
     * Waits until {@code ce_search} finds at least {@code atLeast} notes for {@code query}: the vaults open and are
     * indexed in the background. Fails, with the server's log, when that takes longer than a loaded machine needs.
     */
    void awaitSearchable(String query, int atLeast) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (ok("ce_search", args("query", query)).path("total").asInt() < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("'" + query + "' not searchable within 20 s; server log:\n" + stderr());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static ObjectNode args(Object... pairs) {
        ObjectNode args = Json.mapper().createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            args.set((String) pairs[i], Json.mapper().valueToTree(pairs[i + 1]));
        }
        return args;
    }

    @Override
    public void close() {
        assertThat(client.protocolViolations()).as("stdout lines that are not JSON-RPC").isEmpty();
        client.close();
    }
}
