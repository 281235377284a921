package dev.pce.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
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
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-1,\"message\":\"m\"}}",
            "{\"id\":\"x\",\"jsonrpc\":\"2.0\",\"method\":\"tools/call\",\"params\":{\"arguments\":{\"a\":[null,{\"b\":null}]},"
                    + "\"name\":\"ce_status\",\"_meta\":{\"progressToken\":3}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":9223372036854775807,\"method\":\"tools/call\",\"params\":{\"name\":\"n\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":2147483648,\"method\":\"tools/call\",\"params\":{\"name\":\"n\",\"arguments\":null,"
                    + "\"_meta\":null}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"n\",\"arguments\":{},\"other\":1}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"n\",\"arguments\":[1]}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":7}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools\\/call\",\"params\":{\"name\":\"n\",\"arguments\":{}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"note\":\"tools/call\"}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"tools/call\",\"params\":{\"name\":\"n\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"n\",\"name\":\"m\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"extra\":1,\"params\":{\"name\":\"n\"}}"})
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
            "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"tools/call\",\"params\":{\"name\":\"n\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"tools/call\",\"params\":{\"name\":\"n\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"n\"",
            "[\"tools/call\"]",
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

    /** A plain tools/call's arguments are read once, as the tree the tools read: the same tree, node type by type. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"goal\":\"g\",\"tasks\":[{\"id\":\"a\",\"estimate\":1.5,\"depends_on\":[\"b\",{\"id\":\"c\",\"type\":"
                    + "\"soft\",\"x\":null}],\"writes\":[],\"x\":null,\"flag\":true}],\"gone\":null}",
            "{\"int\":2147483647,\"long\":2147483648,\"big\":123456789012345678901234567890,\"neg\":-1,"
                    + "\"double\":1e300,\"tiny\":4.9e-324,\"zero\":0.0,\"exp\":1E+2,\"negzero\":-0.0}",
            "{\"nested\":[[[{\"a\":[null,false,\"\\u00e9\\ud83d\\ude00\"]}]]],\"empty\":{},\"list\":[]}",
            "{}"})
    void aToolCallsArgumentsAreTheTreeTheSdksMapWouldMake(String arguments) throws Exception {
        String line = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"ce_plan\","
                + "\"arguments\":" + arguments + "}}";
        McpSchema.JSONRPCRequest sdk = (McpSchema.JSONRPCRequest) McpSchema.deserializeJsonRpcMessage(mapper, line);
        McpSchema.JSONRPCRequest read = (McpSchema.JSONRPCRequest) PlainMessages.read(mapper, line);

        Map<String, Object> sdkArguments = argumentsOf(sdk);
        Map<String, Object> readArguments = argumentsOf(read);
        assertThat(readArguments).isInstanceOf(TreeArguments.class).isEqualTo(sdkArguments);
        JsonNode expected = ArgumentTree.of(sdkArguments);
        JsonNode tree = ArgumentTree.of(readArguments);
        assertThat(tree).isEqualTo(expected);
        assertThat(ArgumentTreeTest.types(tree)).isEqualTo(ArgumentTreeTest.types(expected));
        assertThat(Json.mapper().writeValueAsString(tree)).isEqualTo(Json.mapper().writeValueAsString(expected));
    }

    /** The checks of every request's params find the same problem, at the same place, in a tree as in maps. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"tasks\":[{\"id\":\"a\"},{\"id\":\"b\",\"title\":\"x\\ud800y\"}]}",
            "{\"tasks\":[{\"id\":\"a\",\"x\\udc00\":1}]}",
            "{\"tasks\":[\"\\udbff\"]}",
            "{\"fine\":[1,2.5,true,null,{\"a\":\"\\ud83d\\ude00\"}]}"})
    void theParamsChecksSayTheSameOfATree(String arguments) throws Exception {
        assertSameProblem("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"ce_plan\","
                + "\"arguments\":" + arguments + "}}");
    }

    @Test
    void tooDeepArgumentsAreNamedTheSameInATree() throws Exception {
        String deep = "[".repeat(120) + "]".repeat(120);
        assertSameProblem("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"ce_plan\","
                + "\"arguments\":{\"data\":{\"inner\":" + deep + "}}}}");
    }

    private void assertSameProblem(String line) throws Exception {
        McpSchema.JSONRPCRequest sdk = (McpSchema.JSONRPCRequest) McpSchema.deserializeJsonRpcMessage(mapper, line);
        McpSchema.JSONRPCRequest read = (McpSchema.JSONRPCRequest) PlainMessages.read(mapper, line);
        assertThat(argumentsOf(read)).isInstanceOf(TreeArguments.class);
        assertThat(RequestParams.problem(read)).isEqualTo(RequestParams.problem(sdk));
        assertThat(RequestParams.problem(read, UnpairedSurrogates.mayBeEscapedIn(line)))
                .isEqualTo(RequestParams.problem(sdk));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> argumentsOf(McpSchema.JSONRPCRequest request) {
        return (Map<String, Object>) ((Map<String, Object>) request.params()).get("arguments");
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
