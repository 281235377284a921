package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;
import dev.pce.server.node.NodePackages;
import dev.pce.server.tools.ToolCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ce serve --http} driven by the official MCP TypeScript SDK's Streamable HTTP client: over Node's kept-alive
 * connections (the script {@code node/streamable-http-client.mjs}), a request with a lower-case scheme and one with
 * a wrong token go first, then sequential and concurrent calls, clients connecting at once, and the refusals the
 * client meets (a wrong token, an unsupported protocol version, an ended session); and through the parts of MCP
 * PCE keeps itself ({@code node/streamable-http-protocol.mjs}): the errors of malformed calls and levels, log
 * notifications at the level set, a call cancelled through an AbortSignal.
 */
class TypeScriptHttpClientIT {
    private static final String TOKEN = "it-Token-42";
    private static final String CONNECTIONS = "node/streamable-http-client.mjs";
    private static final String PROTOCOL = "node/streamable-http-protocol.mjs";
    /** The module the scripts of {@code node/} import from beside them. */
    private static final String SHARED = "node/big-plan.mjs";

    @TempDir
    Path temp;

    @Test
    void theSdkClientWorksOnConnectionsThatCarriedALowerCaseSchemeAndAWrongToken() throws Exception {
        Path sdk = NodePackages.install(NodePackages.MCP_TYPESCRIPT_SDK);
        JsonNode results;
        try (HttpServerProcess server = HttpServerProcess.start(temp, TOKEN)) {
            results = run(CONNECTIONS, sdk, server.uri().toString());
        }

        assertThat(results.path("lowerCaseScheme").path("status").asInt()).isEqualTo(200);
        assertThat(results.path("wrongToken").path("status").asInt()).isEqualTo(401);
        assertThat(results.path("wrongToken").path("json").path("error").path("message").asText())
                .contains("not this server's");

        assertThat(results.path("connect").path("ok").asBoolean()).as(results.path("connect").toString()).isTrue();
        assertThat(results.path("protocolVersion").asText()).isIn("2025-06-18", "2025-11-25");
        List<JsonNode> sequential = list(results.path("sequential"));
        assertThat(sequential).hasSize(10).allSatisfy(call ->
                assertThat(call.path("ok").asBoolean()).as(call.toString()).isTrue());
        assertThat(sequential.get(0).path("value").asInt()).isEqualTo(ToolCatalog.TOOL_NAMES.size());
        assertThat(sequential.get(1).path("value").asText()).startsWith("wf-");
        assertThat(sequential.subList(2, 10)).allSatisfy(call ->
                assertThat(call.path("value").asText()).isEqualTo("ok"));
        assertThat(list(results.path("concurrentCalls"))).hasSize(8).allSatisfy(call ->
                assertThat(call.path("value").asText()).as(call.toString()).isEqualTo("ok"));
        assertThat(list(results.path("concurrentClients"))).hasSize(3).allSatisfy(client -> assertThat(
                client.path("value").asInt()).as(client.toString()).isEqualTo(ToolCatalog.TOOL_NAMES.size()));

        assertRefused(results.path("wrongTokenClient"), 401, "not this server's");
        assertRefused(results.path("unsupportedVersion"), 400, "'1999-01-01', a protocol version this server does "
                + "not support; it supports 2025-03-26, 2025-06-18, 2025-11-25");
        assertThat(results.path("terminate").path("ok").asBoolean()).as(results.path("terminate").toString()).isTrue();
        assertRefused(results.path("endedSession"), 404, "is not open on this server");

        // the connections were kept alive: the ones that carried the lower-case scheme and the wrong token carried
        // the SDK's requests after them, which succeeded; the only 401s are the two wrong tokens
        List<JsonNode> exchanges = list(results.path("exchanges"));
        assertThat(results.path("connections").asInt()).isLessThan(exchanges.size());
        for (int first = 0; first < 2; first++) {
            int connection = exchanges.get(first).path("connection").asInt();
            assertThat(exchanges.subList(2, exchanges.size()))
                    .as("requests after the %s on its connection %d: %s", first == 0 ? "lower-case scheme"
                            : "wrong token", connection, exchanges)
                    .anySatisfy(later -> {
                        assertThat(later.path("connection").asInt()).isEqualTo(connection);
                        assertThat(later.path("status").asInt()).isEqualTo(200);
                    });
        }
        assertThat(exchanges).filteredOn(exchange -> exchange.path("status").asInt() == 401).hasSize(2);
    }

    @Test
    void theSdkClientGetsClearErrorsLogsAtItsLevelAndCancelsALongCall() throws Exception {
        Path sdk = NodePackages.install(NodePackages.MCP_TYPESCRIPT_SDK);
        JsonNode found;
        try (HttpServerProcess server = HttpServerProcess.start(temp, TOKEN)) {
            found = run(PROTOCOL, sdk, server.uri().toString());
        }

        assertThat(found.path("unknownTool").path("code").asInt()).as(found.toString()).isEqualTo(-32602);
        assertThat(found.path("unknownTool").path("message").asText()).contains("Unknown tool 'ce_foo'");
        assertThat(found.path("argumentsNoObject").path("code").asInt()).isEqualTo(-32602);
        assertThat(found.path("argumentsNoObject").path("message").asText()).contains("must be a JSON object");
        assertThat(found.path("unknownLevel").path("code").asInt()).isEqualTo(-32602);
        assertThat(found.path("unknownLevel").path("message").asText()).contains("'verbose'", "debug, info");

        assertThat(found.path("infoLevel").asText()).isEqualTo("info");
        assertThat(found.path("belowLevelSent").asBoolean()).as("a record below the level set was sent").isFalse();
        assertThat(found.path("unknownPrompt").path("code").asInt()).isEqualTo(-32602);
        assertThat(found.path("streamsAfterStreamedError").asInt()).as("GET streams the client opened after an "
                + "error answered on an event stream: one request to resume it, refused").isEqualTo(1);

        assertThat(found.path("cancelledCall").asText()).startsWith("rejected:").contains("the user gave up");
        assertThat(found.path("stopped").asText()).contains("nothing was stored");
        assertThat(found.path("answersToCancelled").asInt()).as("answers to the cancelled call").isZero();
        assertThat(found.path("workflowsAdded").asInt()).as("the cancelled plan stored nothing").isZero();
        assertThat(found.path("streamsReopened").asInt()).as("GET streams the client opened after the cancel")
                .isZero();
        assertThat(found.path("errors")).as("transport errors the client saw").isEmpty();
    }

    /**
     * Runs a script of {@code node/} with the SDK and the shared module importable beside it; its one line of
     * output, as JSON.
     */
    private JsonNode run(String resource, Path sdk, String uri) throws IOException, InterruptedException {
        Path script = copy(resource);
        copy(SHARED);
        NodePackages.linkModules(sdk, temp);
        Path stdout = temp.resolve("node.stdout");
        Path stderr = temp.resolve("node.stderr");
        try {
            Process node = new ProcessBuilder("node", script.toString(), uri, TOKEN).directory(temp.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!node.waitFor(2, TimeUnit.MINUTES)) {
                node.destroyForcibly();
                throw new AssertionError("the script did not finish in 2 minutes; its stderr:\n"
                        + Files.readString(stderr));
            }
            assertThat(node.exitValue()).as("node's exit code; its output:\n%s\nits stderr:\n%s",
                    Files.readString(stdout), Files.readString(stderr)).isZero();
        } finally {
            Files.delete(temp.resolve("node_modules")); // the link; the installed packages stay
        }
        return Json.mapper().readTree(Files.readString(stdout, StandardCharsets.UTF_8));
    }

    /** Copies a resource of the test class path into the temporary directory, under its file name. */
    private Path copy(String resource) throws IOException {
        Path copy = temp.resolve(Path.of(resource).getFileName().toString());
        try (InputStream source = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(source).as(resource + " on the test class path").isNotNull();
            Files.copy(source, copy);
        }
        return copy;
    }

    private static void assertRefused(JsonNode outcome, int status, String says) {
        assertThat(outcome.path("ok").asBoolean()).as(outcome.toString()).isFalse();
        assertThat(outcome.path("status").asInt()).as(outcome.toString()).isEqualTo(status);
        // the SDK's error quotes the body: the JSON-RPC error, not a stack trace
        assertThat(outcome.path("error").asText()).contains("\"jsonrpc\":\"2.0\"", "\"code\":-32000", says)
                .doesNotContain("stackTrace", "Exception");
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
