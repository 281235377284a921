package dev.pce.server.mcp;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pce.server.knowledge.LearningsAccess;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The stdio transport's answers to lines the MCP SDK cannot take, on a server without tools. */
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
                    .contains("an ID that is either a string or integer", "a string or whole-number id");
        });
    }

    private static List<JsonNode> serve(String lines) throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        CountDownLatch ended = new CountDownLatch(1);
        PceMcpServer server = PceMcpServer.start(ServerProtocol.prepare(List.of()), List.of(),
                LearningsAccess.unavailable("no vaults in this test"),
                new ByteArrayInputStream((lines + "\n").getBytes(StandardCharsets.UTF_8)), stdout, "test", "no log",
                ended::countDown);
        assertThat(ended.await(30, TimeUnit.SECONDS)).isTrue();
        server.close();
        List<JsonNode> answers = new ArrayList<>();
        for (String line : stdout.toString(StandardCharsets.UTF_8).split("\n")) {
            answers.add(EXACT.readTree(line));
        }
        return answers;
    }
}
