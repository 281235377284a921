package dev.pce.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The McpErrors the SDK's servlet writes as answers, through the transport's mapper, with the SDK's messages. */
class SdkErrorBodiesTest {
    private final McpJsonMapper mapper = SdkErrorBodies.transportMapper(Json.plain());

    @Test
    void anUnknownSessionIsNamedWithWhatToDo() throws IOException {
        JsonNode body = written(McpSchema.ErrorCodes.INTERNAL_ERROR, "Session not found: 8c1f");
        assertThat(body.path("error").path("code").asInt()).isEqualTo(-32000);
        assertThat(body.path("error").path("message").asText())
                .contains("session '8c1f'", "start a new session by sending initialize");
    }

    @Test
    void aBodyThatIsNotJsonSaysWhere() throws IOException {
        JsonNode body = written(McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid message format: Unexpected character "
                + "('b' (code 98)): was expecting double-quote to start field name\n at [Source: REDACTED "
                + "(`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 2]");
        assertThat(body.path("error").path("code").asInt()).isEqualTo(-32700);
        assertThat(body.path("error").path("message").asText()).contains("not valid JSON (line 1, column 2)")
                .doesNotContain("StreamReadFeature", "code 98");
    }

    @Test
    void jsonThatIsNoJsonRpcMessageIsAnInvalidRequestWithoutJavaTypes() throws IOException {
        JsonNode body = written(McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid message format: Cannot deserialize "
                + "value of type `java.util.HashMap<java.lang.String,java.lang.Object>` from Array value\n at "
                + "[Source: REDACTED; line: 1, column: 1]");
        assertThat(body.path("error").path("code").asInt()).isEqualTo(-32600);
        assertThat(body.path("error").path("message").asText()).contains("not a JSON-RPC 2.0 message")
                .doesNotContain("java.");
    }

    @Test
    void aMissingSessionHeaderSaysWhichHeader() throws IOException {
        JsonNode body = written(McpSchema.ErrorCodes.METHOD_NOT_FOUND, "Session ID required in mcp-session-id header");
        assertThat(body.path("error").path("message").asText()).contains("no Mcp-Session-Id header");
    }

    @Test
    void aFailureOfTheServerTellsNothingOfItsInsides() throws IOException {
        JsonNode body = written(McpSchema.ErrorCodes.INTERNAL_ERROR,
                "Error processing message: java.lang.IllegalStateException: at dev.pce.Secret.method(Secret.java:1)");
        assertThat(body.path("error").path("code").asInt()).isEqualTo(-32603);
        assertThat(body.path("error").path("message").asText()).contains("server's log").doesNotContain("java.",
                "Secret");
    }

    @Test
    void anotherRefusalOfTheSdkKeepsItsMessage() throws IOException {
        JsonNode body = written(McpSchema.ErrorCodes.METHOD_NOT_FOUND, "text/event-stream required in Accept header");
        assertThat(body.path("error").path("message").asText()).startsWith("text/event-stream required in Accept");
    }

    @Test
    void protocolMessagesAreWrittenAsBefore() throws IOException {
        var response = new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, 7, null,
                new McpSchema.JSONRPCResponse.JSONRPCError(-32602, "bad params", null));
        assertThat(mapper.writeValueAsString(response))
                .isEqualTo(new io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper(Json.plain())
                        .writeValueAsString(response));
    }

    /** The body the servlet writes for an McpError: the whole JSON-RPC error message, small, with no stack. */
    private JsonNode written(int code, String message) throws IOException {
        String json = mapper.writeValueAsString(McpError.builder(code).message(message).build());
        assertThat(json).hasSizeLessThan(1024).doesNotContain("stackTrace");
        JsonNode body = Json.mapper().readTree(json);
        assertThat(body.path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(body.get("id").isNull()).isTrue();
        return body;
    }
}
