package dev.pce.server.mcp;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.pce.engine.Json;
import dev.pce.pkm.knowledge.VaultKnowledgeStore;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The stdio transport: the handshake before the tools, and its answers to lines the MCP SDK cannot take. */
class StdioTransportTest {
    private static final ObjectMapper EXACT = new ObjectMapper().enable(
            DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    /**
     * Found by fuzzing: the SDK refuses a request whose id is a fraction or beyond 64 bits, and the transport's error
     * carried the id as a double, so 1e999 came back as "Infinity": an answer the client could not match.
     */
    @Test
    void aRefusedRequestIsAnsweredUnderTheIdAsSentAndSaysWhy() throws Exception {
        List<JsonNode> answers = serve("""
                {"jsonrpc":"2.0","id":1e999,"method":"ping"}
                {"jsonrpc":"2.0","id":123456789012345678901234567890,"method":"ping"}
                {"jsonrpc":"2.0","id":1.5,"method":"ping"}""");

        assertThat(answers).extracting(answer -> answer.path("id").decimalValue()).containsExactly(
                new BigDecimal("1e999"), new BigDecimal("123456789012345678901234567890"), new BigDecimal("1.5"));
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.path("error").path("code").asInt()).isEqualTo(-32600);
            assertThat(answer.path("error").path("message").asText())
                    .contains("is not a whole number of at most 64 bits", "a string or whole-number id")
                    .doesNotContain("io.modelcontextprotocol", "`", "McpSchema");
        });
    }

    /**
     * Found by fuzzing: reading the id of a refused line exactly failed on an exponent beyond 32 bits with an
     * unchecked exception, which ended the reader thread: the server read no more lines and, at the end of input,
     * never ended its session. Such a line is answered like any refused one, and the lines after it still are.
     */
    @Test
    void aNumberBeyondExactReadingCostsOneErrorAndTheSessionGoesOnAndEnds() throws Exception {
        List<JsonNode> answers = serve("""
                {"jsonrpc":"2.0","id":1e9992345600000410,"method":"ping"}
                {"jsonrpc":"2.0","id":1e9992345600000410#,"method":"ping"}
                {"jsonrpc":"2.0","id":7,"method":"ping"}""");

        assertThat(answers).hasSize(3);
        assertThat(answers.get(0).path("error").path("code").asInt()).isEqualTo(-32600);
        assertThat(answers.get(1).path("error").path("code").asInt()).isEqualTo(-32700);
        assertThat(answers.get(2).path("id").asInt()).isEqualTo(7);
    }

    /**
     * The handshake is answered while the tools, prompts and resources are still being registered; what the client
     * sends after it waits for them, so its first listing sees them all.
     */
    @Test
    void theHandshakeIsAnsweredAtOnceAndTheRequestsAfterItWaitForTheOfferedPrompts() throws Exception {
        ServerProtocol protocol = ServerProtocol.prepare(List.of());
        PipedOutputStream toServer = new PipedOutputStream();
        PipedInputStream fromServer = new PipedInputStream(1 << 20);
        CountDownLatch ended = new CountDownLatch(1);
        PceMcpServer server = PceMcpServer.startHandshake(protocol.jsonMapper(),
                new PipedInputStream(toServer, 1 << 20), new PipedOutputStream(fromServer), "test", ended::countDown);
        BufferedReader answers = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8));
        Writer requests = new OutputStreamWriter(toServer, StandardCharsets.UTF_8);

        requests.write("""
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
                "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}
                """);
        requests.flush();
        assertThat(EXACT.readTree(answers.readLine()).path("result").path("serverInfo").path("name").asText())
                .as("answered before anything is offered").isEqualTo("pce");
        requests.write("""
                {"jsonrpc":"2.0","method":"notifications/initialized"}
                {"jsonrpc":"2.0","id":2,"method":"prompts/list"}
                """);
        requests.flush();
        Thread.sleep(200); // a reader that did not wait would answer the listing now, with no prompt
        server.offer(protocol, List.of(), VaultKnowledgeStore.unavailable("no vaults in this test"), "no log");

        JsonNode listing = EXACT.readTree(answers.readLine());
        assertThat(listing.path("id").asInt()).isEqualTo(2);
        assertThat(listing.path("result").path("prompts")).hasSize(protocol.prompts().size()).isNotEmpty();
        toServer.close();
        assertThat(ended.await(30, TimeUnit.SECONDS)).isTrue();
        server.close();
    }

    /**
     * An answer that cannot be encoded (here the handshake's, by a mapper made to fail on it) is still answered,
     * under its id, with an error that says so: never silence, since the request may have stored something.
     */
    @Test
    void anAnswerThatCannotBeEncodedIsAnErrorUnderItsIdNeverSilence() throws Exception {
        ObjectMapper failing = Json.plain().copy().registerModule(new SimpleModule().addSerializer(
                McpSchema.InitializeResult.class, new StdSerializer<>(McpSchema.InitializeResult.class) {
                    @Override
                    public void serialize(McpSchema.InitializeResult value, JsonGenerator json,
                                          SerializerProvider provider) throws IOException {
                        throw new JsonGenerationException("cannot encode this", json);
                    }
                }));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        CountDownLatch ended = new CountDownLatch(1);
        String handshake = """
                {"jsonrpc":"2.0","id":41,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
                "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}
                """;
        PceMcpServer server = PceMcpServer.startHandshake(new JacksonMcpJsonMapper(failing),
                new ByteArrayInputStream(handshake.getBytes(StandardCharsets.UTF_8)), stdout, "test",
                ended::countDown);
        assertThat(ended.await(30, TimeUnit.SECONDS)).isTrue();
        server.close();

        JsonNode answer = EXACT.readTree(stdout.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
        assertThat(answer.path("id").asInt()).isEqualTo(41);
        assertThat(answer.path("error").path("code").asInt()).isEqualTo(-32603);
        assertThat(answer.path("error").path("message").asText()).contains("could not encode its answer",
                "ce_status and ce_events show what was stored").doesNotContain("Exception", "cannot encode this");
    }

    /** The answers to {@code lines}, sent after the MCP handshake (whose answer is left out). */
    private static List<JsonNode> serve(String lines) throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        CountDownLatch ended = new CountDownLatch(1);
        String session = """
                {"jsonrpc":"2.0","id":"init","method":"initialize","params":{"protocolVersion":"2025-06-18",\
                "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}
                {"jsonrpc":"2.0","method":"notifications/initialized"}
                """ + lines + "\n";
        PceMcpServer server = PceMcpServer.start(ServerProtocol.prepare(List.of()), List.of(),
                VaultKnowledgeStore.unavailable("no vaults in this test"),
                new ByteArrayInputStream(session.getBytes(StandardCharsets.UTF_8)), stdout, "test", "no log",
                ended::countDown);
        assertThat(ended.await(30, TimeUnit.SECONDS)).isTrue();
        server.close();
        List<JsonNode> answers = new ArrayList<>();
        for (String line : stdout.toString(StandardCharsets.UTF_8).split("\n")) {
            JsonNode answer = EXACT.readTree(line);
            if (answer.has("id") && !answer.path("id").asText().equals("init")) { // answers, not log notifications
                answers.add(answer);
            }
        }
        return answers;
    }
}
