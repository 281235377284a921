package dev.pce.server.mcp;

import dev.pce.engine.Json;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the SDK's conversions make, made without them: equal records, or the SDK's own path and failure. */
class PlainMessagesTest {
    private final McpJsonMapper mapper = new JacksonMcpJsonMapper(Json.plain());

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"ce_plan\",\"arguments\":"
                    + "{\"goal\":\"g\",\"tasks\":[{\"id\":\"a\",\"estimate\":1.5,\"n\":12345678901,\"x\":null}]}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":\"s\",\"method\":\"tools/list\",\"params\":{}}",
            "{\"jsonrpc\":\"2.0\",\"id\":9223372036854775807,\"method\":\"ping\",\"params\":{\"_meta\":{}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":[1,2]}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":null}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"extra\":true,\"params\":{}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\",\"params\":{\"a\":1}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"a\":[1]}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-1,\"message\":\"m\"}}"})
    void aMessageIsReadAsTheSdkReadsIt(String line) throws Exception {
        assertThat(PlainMessages.read(mapper, line)).isEqualTo(McpSchema.deserializeJsonRpcMessage(mapper, line));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\",\"params\":{}}",
            "{\"jsonrpc\":\"\",\"id\":1,\"method\":\"ping\",\"params\":{}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\",\"params\":{}}",
            "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"ping\",\"params\":{}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":[],\"params\":{}}",
            "{\"jsonrpc\":\"2.0\"}",
            "[1]"})
    void whatTheSdkRefusesIsRefused(String line) {
        Class<? extends Throwable> sdk = thrown(() -> McpSchema.deserializeJsonRpcMessage(mapper, line));
        assertThatThrownBy(() -> PlainMessages.read(mapper, line)).isInstanceOf(sdk);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"name\":\"ce_plan\",\"arguments\":{\"goal\":\"g\",\"tasks\":[{\"id\":\"a\"}]}}",
            "{\"name\":\"ce_plan\"}",
            "{\"name\":\"ce_plan\",\"arguments\":null,\"_meta\":{\"progressToken\":3}}",
            "{\"name\":\"ce_plan\",\"arguments\":{},\"other\":1}",
            "{\"name\":5,\"arguments\":{}}",
            "{\"arguments\":{}}"})
    void toolCallParamsBecomeTheSdksRecord(String params) throws Exception {
        Map<String, Object> map = mapper.readValue(params, new TypeRef<Map<String, Object>>() {
        });
        TypeRef<McpSchema.CallToolRequest> type = new TypeRef<>() {
        };
        assertThat(PlainMessages.forTheServer(mapper).convertValue(map, type))
                .isEqualTo(mapper.convertValue(map, type));
    }

    @Test
    void plainToolCallArgumentsAreNotCopied() throws Exception {
        Map<String, Object> map = mapper.readValue("{\"name\":\"ce_plan\",\"arguments\":{\"goal\":\"g\"}}",
                new TypeRef<Map<String, Object>>() {
                });
        McpSchema.CallToolRequest request = PlainMessages.forTheServer(mapper).convertValue(map,
                new TypeRef<McpSchema.CallToolRequest>() {
                });
        assertThat(request.arguments()).isSameAs(map.get("arguments"));
    }

    private static Class<? extends Throwable> thrown(ThrowingCall call) {
        try {
            call.run();
        } catch (Throwable e) {
            return e.getClass();
        }
        throw new AssertionError("the SDK took it");
    }

    private interface ThrowingCall {
        void run() throws Exception;
    }
}
