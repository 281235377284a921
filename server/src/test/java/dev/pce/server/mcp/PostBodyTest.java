package dev.pce.server.mcp;

import dev.pce.engine.Json;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PostBodyTest {
    private final McpJsonMapper mapper = new JacksonMcpJsonMapper(Json.plain());

    @Test
    void aMessageIsReadWithItsBytes() {
        byte[] bytes = "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"tools/list\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(PostBody.of(bytes, mapper)).isInstanceOfSatisfying(PostBody.Message.class, message -> {
            assertThat(message.message()).isInstanceOf(McpSchema.JSONRPCRequest.class);
            assertThat(message.bytes()).isSameAs(bytes);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{bad                                                  | -32700 | not valid JSON (line 1, column 2)",
            "''                                                    | -32700 | not valid JSON",
            "{\"jsonrpc\":\"2.0\",\"method\":\"ping\"} x            | -32700 | not valid JSON (line 1",
            "[{\"jsonrpc\":\"2.0\",\"method\":\"ping\"}]            | -32600 | a batch",
            "\"text\"                                              | -32600 | not a JSON-RPC 2.0 message",
            "{\"jsonrpc\":2.0,\"id\":1,\"method\":\"ping\"}         | -32600 | not a JSON-RPC 2.0 message",
            "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"ping\"}  | -32600 | The id of this message is a boolean",
            "{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"ping\"}   | -32600 | The id of this message is an array",
            "{\"jsonrpc\":\"2.0\",\"id\":1e999,\"method\":\"ping\"} | -32600 | a number written with a fraction",
            "{\"jsonrpc\":\"2.0\",\"id\":1}                         | -32600 | not a JSON-RPC 2.0 message"})
    void aBodyThatIsNoMessageIsRefusedNamingItsFault(String body, int code, String says) {
        assertThat(PostBody.of(body.strip().getBytes(StandardCharsets.UTF_8), mapper))
                .isInstanceOfSatisfying(PostBody.Refused.class, refused -> {
                    assertThat(refused.refusal().status()).isEqualTo(400);
                    assertThat(refused.refusal().code()).isEqualTo(code);
                    assertThat(refused.refusal().message()).contains(says).doesNotContain("java.", "Jackson");
                });
    }

    @Test
    void bytesThatAreNotUtf8AreNotJson() {
        byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'};
        assertThat(PostBody.of(bytes, mapper)).isInstanceOfSatisfying(PostBody.Refused.class, refused ->
                assertThat(refused.refusal().code()).isEqualTo(-32700));
    }
}
