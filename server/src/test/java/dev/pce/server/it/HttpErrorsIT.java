package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every error answer of {@code ce serve --http}, whoever makes it (PCE's filters, the SDK's servlet, Jetty), is a
 * JSON-RPC error body that says what to fix: never an HTML page, a serialized Java exception or a stack trace.
 */
class HttpErrorsIT {
    private static final String TOKEN = "s3cret";
    private static final String AUTH = "Authorization: Bearer " + TOKEN + "\r\n";
    private static final String BOTH = "Accept: application/json, text/event-stream\r\n";
    private static final String JSON = "Content-Type: application/json\r\n";
    private static final String INIT = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{},"clientInfo":{"name":"it","version":"1"}}}""";
    private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

    @TempDir
    static Path temp;
    private static HttpServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = HttpServerProcess.start(temp, TOKEN);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** Each: a name, the request (head without the Host line, and body), the status, JSON-RPC code, message part. */
    static Stream<Arguments> refusals() {
        String big = "x".repeat(20_000);
        return Stream.of(
                // PCE's filters
                arguments("no token", post("", INIT), 401, -32000, "Authorization: Bearer <token>"),
                arguments("another scheme", post("Authorization: Basic czNjcmV0\r\n", INIT), 401, -32000,
                        "'Basic' scheme"),
                arguments("wrong token", post("Authorization: Bearer S3CRET\r\n", INIT), 401, -32000,
                        "not this server's"),
                arguments("web page", post(AUTH + "Origin: https://evil.example\r\n", INIT), 403, -32000,
                        "other hosts"),
                arguments("media type", request("POST", "/mcp", AUTH + BOTH + "Content-Type: text/plain\r\n", INIT),
                        415, -32000, "'Content-Type: application/json'"),
                // another character set failed the server's reading of the body (500, "a PCE bug")
                arguments("character set", request("POST", "/mcp", AUTH + BOTH
                        + "Content-Type: application/json; charset=foo\r\n", INIT), 415, -32000, "in UTF-8, not "
                        + "'application/json; charset=foo'"),
                arguments("accept of a POST", request("POST", "/mcp", AUTH + JSON + "Accept: application/json\r\n",
                        INIT), 406, -32000, "Accept: application/json, text/event-stream"),
                arguments("accept of a GET", request("GET", "/mcp", AUTH + "Accept: application/json\r\n"
                        + "Mcp-Session-Id: x\r\n", ""), 406, -32000, "'Accept: text/event-stream'"),
                arguments("method", request("PUT", "/mcp", AUTH, INIT), 405, -32000, "'PUT' is not a method"),
                arguments("GET without session", request("GET", "/mcp", AUTH + "Accept: text/event-stream\r\n", ""),
                        400, -32000, "no Mcp-Session-Id header"),
                arguments("DELETE without session", request("DELETE", "/mcp", AUTH, ""), 400, -32000,
                        "no Mcp-Session-Id header"),
                arguments("protocol version", post(AUTH + "Mcp-Session-Id: x\r\nMCP-Protocol-Version: 1999-01-01\r\n",
                        LIST), 400, -32000, "supports 2025-03-26, 2025-06-18"),
                arguments("GET resuming after an answer", request("GET", "/mcp", AUTH
                        + "Accept: text/event-stream\r\nMcp-Session-Id: x\r\nLast-Event-ID: x\r\n", ""), 405, -32000,
                        "keeps no events to replay"),
                // the SDK's servlet: its error bodies (a serialized McpError) ...
                arguments("POST without session", post(AUTH, LIST), 400, -32000, "no Mcp-Session-Id header"),
                arguments("POST to an unknown session", post(AUTH + "Mcp-Session-Id: gone-42\r\n", LIST), 404, -32000,
                        "session 'gone-42'"),
                arguments("not JSON", post(AUTH, "{bad"), 400, -32700, "not valid JSON (line 1, column 2)"),
                arguments("JSON, no JSON-RPC", post(AUTH, "{\"jsonrpc\":\"2.0\"}"), 400, -32600,
                        "not a JSON-RPC 2.0 message"),
                // PCE reads every body before the SDK's servlet, which called these "not valid JSON" or failed
                arguments("more after the message", post(AUTH, LIST + " {}"), 400, -32700,
                        "not valid JSON (line 1, column"),
                arguments("another JSON-RPC version", post(AUTH, "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":"
                        + "\"initialize\"}"), 400, -32600, "not a JSON-RPC 2.0 message"),
                arguments("a batch", post(AUTH, "[" + LIST + "]"), 400, -32600, "send one JSON-RPC message per POST"),
                arguments("an object for an id", post(AUTH, "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":"
                        + "\"tools/list\"}"), 400, -32600, "The id of this message is an object; MCP takes a string"),
                arguments("a fraction for an id", post(AUTH + "Mcp-Session-Id: x\r\n", "{\"jsonrpc\":\"2.0\","
                        + "\"id\":1.5,\"method\":\"tools/list\"}"), 400, -32600, "a number written with a fraction"),
                arguments("null for an id", post(AUTH, "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":"
                        + "\"tools/list\"}"), 400, -32600, "The id of this message is null"),
                // ... and its sendError, which Jetty's error handling answers
                arguments("GET of an unknown session", request("GET", "/mcp", AUTH + "Accept: text/event-stream\r\n"
                        + "Mcp-Session-Id: gone-42\r\n", ""), 404, -32000, "session 'gone-42'"),
                arguments("DELETE of an unknown session", request("DELETE", "/mcp", AUTH
                        + "Mcp-Session-Id: gone-42\r\n", ""), 404, -32000, "session 'gone-42'"),
                arguments("below the endpoint", request("POST", "/mcp/x", AUTH + JSON + BOTH, INIT), 404, -32000,
                        "nothing at '/mcp/x'"),
                arguments("too large", "POST /mcp HTTP/1.1\r\n" + AUTH + JSON + BOTH + "Content-Length: 40000000\r\n"
                        + "\r\n", 413, -32000, "32 MiB"),
                // Jetty itself
                arguments("another address", request("GET", "/other", AUTH, ""), 404, -32000,
                        "the MCP endpoint is /mcp"),
                arguments("unreadable HTTP", "POST /mcp HTTP/1.1\r\n" + AUTH + JSON + BOTH
                        + "Transfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n", 400, -32000, "well-formed"),
                arguments("headers too large", request("GET", "/mcp", "X-Big: " + big + "\r\n", ""), 431, -32000,
                        "headers are too large"),
                arguments("address too long", request("GET", "/" + big, "", ""), 414, -32000, "address is too long"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void eachRefusalIsAJsonRpcErrorThatSaysWhatToFix(String name, String request, int status, int code,
                                                      String says) throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(server.port())) {
            RawHttpConnection.Answer answer = connection.send(withHost(request));
            assertThat(answer.status()).as(answer.body()).isEqualTo(status);
            assertIsJsonRpcError(answer, code, says);
        }
    }

    @Test
    void theProtocolVersionHeaderMustNameASupportedVersionAndIsAssumedWhenMissing() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(server.port())) {
            RawHttpConnection.Answer init = connection.post(INIT, AUTH.strip());
            assertThat(init.status()).isEqualTo(200);
            String session = "Mcp-Session-Id: " + init.header("Mcp-Session-Id").orElseThrow();
            assertThat(connection.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                    AUTH.strip(), session).status()).isEqualTo(202);

            assertThat(connection.post(LIST, AUTH.strip(), session, "MCP-Protocol-Version: 2025-06-18").body())
                    .contains("ce_plan");
            // no header: 2025-03-26, which the server supports
            assertThat(connection.post(LIST, AUTH.strip(), session).body()).contains("ce_plan");
            for (String unsupported : new String[]{"2024-11-05", "latest", ""}) {
                RawHttpConnection.Answer refused = connection.post(LIST, AUTH.strip(), session,
                        "MCP-Protocol-Version: " + unsupported);
                assertThat(refused.status()).as(unsupported).isEqualTo(400);
                assertIsJsonRpcError(refused, -32000, "'" + unsupported + "', a protocol version this server does "
                        + "not support; it supports 2025-03-26, 2025-06-18, 2025-11-25");
            }
            // initialize itself comes before any version is agreed on: the header is not checked there
            assertThat(connection.post(INIT, AUTH.strip(), "MCP-Protocol-Version: 2099-01-01").status())
                    .isEqualTo(200);
        }
    }

    /** The SDK's servlet failed on these (500, "a PCE bug"): initialize must have params, an object. */
    @Test
    void anInitializeWithoutParamsIsAnsweredWithInvalidParams() throws Exception {
        for (String params : new String[]{"", ",\"params\":null", ",\"params\":[1,2]", ",\"params\":\"x\""}) {
            try (RawHttpConnection connection = new RawHttpConnection(server.port())) {
                RawHttpConnection.Answer answer = connection.post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":"
                        + "\"initialize\"" + params + "}", AUTH.strip());
                assertThat(answer.status()).as(params + ": " + answer.body()).isEqualTo(200);
                assertThat(answer.header("Mcp-Session-Id")).isEmpty();
                JsonNode body = Json.mapper().readTree(answer.body());
                assertThat(body.path("id").asInt()).isEqualTo(7);
                assertThat(body.path("error").path("code").asInt()).isEqualTo(-32602);
                assertThat(body.path("error").path("message").asText()).contains("initialize needs params",
                        "\"protocolVersion\":\"2025-06-18\"").doesNotContain("java.", "null\"");
            }
        }
    }

    private static void assertIsJsonRpcError(RawHttpConnection.Answer answer, int code, String says)
            throws Exception {
        assertThat(answer.header("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(answer.body()).hasSizeLessThan(1024)
                .doesNotContain("stackTrace", "Exception", "java.", "jetty", "<html");
        JsonNode body = Json.mapper().readTree(answer.body());
        assertThat(body.path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(body.has("id") && body.get("id").isNull()).as(answer.body()).isTrue();
        assertThat(body.path("error").path("code").asInt()).as(answer.body()).isEqualTo(code);
        assertThat(body.path("error").path("message").asText()).contains(says);
    }

    private static String post(String headers, String body) {
        return request("POST", "/mcp", headers + JSON + BOTH, body);
    }

    /** A request with a body and its length, and without a Host line yet. */
    private static String request(String method, String path, String headers, String body) {
        return method + " " + path + " HTTP/1.1\r\n" + headers + "Content-Length: " + body.length() + "\r\n\r\n"
                + body;
    }

    private static String withHost(String request) {
        int lineEnd = request.indexOf("\r\n") + 2;
        return request.substring(0, lineEnd) + "Host: 127.0.0.1:" + server.port() + "\r\n"
                + request.substring(lineEnd);
    }
}
