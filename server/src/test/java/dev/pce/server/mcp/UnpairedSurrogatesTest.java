package dev.pce.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Which JSON texts may carry a surrogate without its pair, and which certainly do not. */
class UnpairedSurrogatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":\"\\ud800\"}", "{\"a\":\"\\uDFFF\"}", "{\"a\":\"x\\uDbcd\"}",
            "{\"\\udc00\":1}", "{\"a\":\"\\\\ud800\"}"})
    void aTextWithAnEscapedSurrogateMayHoldOne(String json) {
        assertThat(UnpairedSurrogates.mayBeEscapedIn(json)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":\"plain\"}", "{\"a\":\"\\u00e9\\u4e2d\"}", "{\"a\":\"\\ud7ff\\ue000\"}",
            "{\"a\":\"😀 é\"}", "{\"a\":\"\\u0064800\"}", "{\"a\":\"\\\\n\\\\u\"}", "\\u"})
    void aTextWithoutOneCannot(String json) {
        assertThat(UnpairedSurrogates.mayBeEscapedIn(json)).isFalse();
    }

    /**
     * Random strings of any UTF-16 units, written as JSON with random escapes and raw characters, sent as UTF-8 and
     * read back as the server reads a line: whenever a string read holds an unpaired surrogate, the text was said
     * to possibly hold one.
     */
    @Test
    void noUnpairedSurrogateGetsPastTheTextCheck() throws Exception {
        Random random = new Random(20261208);
        int unpaired = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder json = new StringBuilder("{\"v\":\"");
            int length = random.nextInt(6);
            for (int i = 0; i < length; i++) {
                char unit = randomUnit(random);
                boolean escaped = Character.isSurrogate(unit) ? random.nextInt(4) > 0 : random.nextBoolean();
                json.append(escaped || unit < 0x20 || unit == '"' || unit == '\\'
                        ? String.format(Locale.ROOT, random.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) unit)
                        : String.valueOf(unit));
            }
            json.append("\"}");
            // what the server reads: the client's UTF-8 bytes decoded (a raw lone surrogate cannot survive that)
            String line = new String(json.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            JsonNode read = Json.plain().readTree(line);
            if (UnpairedSurrogates.firstIn(read.path("v").asText()) >= 0) {
                unpaired++;
                assertThat(UnpairedSurrogates.mayBeEscapedIn(line)).as(line).isTrue();
            }
        }
        assertThat(unpaired).as("rounds that made an unpaired surrogate").isGreaterThan(1_000);
    }

    /** Surrogates half of the time, so that pairs, lone ones and their escapes all occur. */
    private static char randomUnit(Random random) {
        return (char) (random.nextBoolean() ? 0xD800 + random.nextInt(0x800) : random.nextInt(0x10000));
    }
}
