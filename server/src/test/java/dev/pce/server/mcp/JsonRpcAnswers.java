package dev.pce.server.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What a session's stdout must be, whatever its input was:
 * <ul>
 *   <li>nothing but JSON-RPC 2.0 messages, one JSON object per line, in UTF-8;</li>
 *   <li>each request (a line with a string {@code method} and a string or number {@code id}) answered exactly once,
 *       with a result or an error, under its own id, unless a {@code notifications/cancelled} named its id (then at
 *       most once: a request cancelled in time gets no answer); another line with an id at most once; no answer
 *       under an id no line had;</li>
 *   <li>a line that is not JSON answered with one parse error; no line answered more than once;</li>
 *   <li>an error has a code and a message; a tool's result is success with structured content, or an
 *       {@code isError} result whose text says what failed and how to fix it, never PCE's internal error;</li>
 *   <li>no error logged by PCE (a request that failed outside the tools' error handling).</li>
 * </ul>
 */
final class JsonRpcAnswers {
    /** Reads input lines as the transport does (trailing text ignored); numbers exactly, for ids like 1e999. */
    private static final ObjectMapper LENIENT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** Output is held to strict JSON: one value per line, nothing after it. */
    private static final ObjectMapper STRICT = LENIENT.copy()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonRpcAnswers() {
    }

    static void check(InProcessServer.Session session) {
        String context = "input:\n" + describe(session.lines()) + "\nstdout:\n"
                + new String(session.stdout(), StandardCharsets.UTF_8);
        assertThat(session.defectsLogged()).as("errors logged by PCE; %s", context).isEmpty();
        List<JsonNode> messages = messages(session.stdout(), context);

        Map<String, Integer> requests = new HashMap<>();
        Map<String, Integer> linesWithId = new HashMap<>();
        Map<String, Set<String>> methods = new HashMap<>();
        Set<String> cancelled = new HashSet<>();
        int lines = 0;
        int unparseable = 0;
        for (byte[] raw : session.lines()) {
            String line = trimmed(raw);
            if (line.isEmpty()) {
                continue;
            }
            lines++;
            Optional<JsonNode> json = lenient(line);
            if (json.isEmpty() || json.get().isMissingNode()) {
                unparseable++;
                continue;
            }
            JsonNode message = json.get();
            if (message.path("method").asText().equals("notifications/cancelled")) {
                idKey(message.path("params").path("requestId")).ifPresent(cancelled::add);
            }
            JsonNode id = message.path("id");
            idKey(id).ifPresent(key -> linesWithId.merge(key, 1, Integer::sum));
            if (message.isObject() && message.path("method").isTextual() && idKey(id).isPresent()) {
                requests.merge(idKey(id).get(), 1, Integer::sum);
                methods.computeIfAbsent(idKey(id).get(), key -> new HashSet<>()).add(message.path("method").asText());
            }
        }

        // An answer is a tool's only when its id was used by tool calls alone (a ping may share it).
        Set<String> toolCalls = new HashSet<>();
        methods.forEach((id, used) -> {
            if (used.equals(Set.of("tools/call"))) {
                toolCalls.add(id);
            }
        });
        Map<String, Integer> answers = new HashMap<>();
        int answersWithoutId = 0;
        for (JsonNode message : messages) {
            if (message.has("method")) {
                continue; // a notification of the server's
            }
            assertThat(message.has("result") ^ message.has("error"))
                    .as("an answer has a result or an error: %s; %s", message, context).isTrue();
            JsonNode id = message.path("id");
            if (id.isNull()) {
                answersWithoutId++;
            } else {
                String key = idKey(id).orElseGet(() -> fail("answer id %s is no string or number; %s", id, context));
                assertThat(linesWithId).as("answer under an id no line had: %s; %s", id, context).containsKey(key);
                answers.merge(key, 1, Integer::sum);
                if (toolCalls.contains(key) && message.has("result")) {
                    checkToolResult(message.get("result"), context);
                }
            }
            if (message.has("error")) {
                JsonNode error = message.get("error");
                assertThat(error.path("code").isIntegralNumber()).as("error code: %s; %s", error, context).isTrue();
                assertThat(error.path("message").asText()).as("error message: %s; %s", error, context).isNotBlank();
            }
        }
        // A request is answered once (a cancelled one at most once); a line that is no request but has an id (say,
        // no method) at most once.
        linesWithId.forEach((id, withId) -> assertThat(answers.getOrDefault(id, 0))
                .as("answers under id %s; %s", id, context)
                .isBetween(cancelled.contains(id) ? 0 : requests.getOrDefault(id, 0), withId));
        int answered = answers.values().stream().mapToInt(Integer::intValue).sum() + answersWithoutId;
        assertThat(answered).as("answers, at most one per line; %s", context).isLessThanOrEqualTo(lines);
        assertThat(answersWithoutId).as("answers without id, one per line that is not JSON; %s", context)
                .isGreaterThanOrEqualTo(unparseable);
    }

    private static void checkToolResult(JsonNode result, String context) {
        String text = result.path("content").path(0).path("text").asText();
        if (result.path("isError").asBoolean(false)) {
            assertThat(text).as("a tool error says what and how to fix it; %s", context).contains(" Fix: ");
            assertThat(text).as("a tool error caused by the input, not by PCE; %s", context)
                    .doesNotContain("[INTERNAL]");
        } else {
            assertThat(result.path("structuredContent").isObject()).as("structured content; %s", context).isTrue();
            assertThat(text).as("text content; %s", context).isNotBlank();
        }
    }

    private static List<JsonNode> messages(byte[] stdout, String context) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(stdout));
        } catch (CharacterCodingException e) {
            fail("stdout is not UTF-8; %s", context);
        }
        String text = new String(stdout, StandardCharsets.UTF_8);
        assertThat(text.isEmpty() || text.endsWith("\n")).as("stdout ends with a whole line; %s", context).isTrue();
        List<JsonNode> messages = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            JsonNode message;
            try {
                message = STRICT.readTree(line);
            } catch (JsonProcessingException e) {
                throw new AssertionError("stdout line is not JSON: " + line + "; " + context, e);
            }
            assertThat(message.isObject() && message.path("jsonrpc").asText().equals("2.0"))
                    .as("a JSON-RPC 2.0 message: %s; %s", line, context).isTrue();
            messages.add(message);
        }
        return messages;
    }

    /** String ids as they are; numbers by value, as a client compares them (1, 1.0 and 1e0 are one id). */
    private static Optional<String> idKey(JsonNode id) {
        if (id.isTextual()) {
            return Optional.of("s:" + id.asText());
        }
        if (id.isNumber()) {
            return Optional.of("n:" + id.decimalValue().stripTrailingZeros());
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> lenient(String line) {
        try {
            return Optional.ofNullable(LENIENT.readTree(line));
        } catch (JsonProcessingException | NumberFormatException e) {
            return Optional.empty(); // not JSON, or a number beyond exact reading (1e9999999999): answered without id
        }
    }

    /** A line as the transport reads it: without trailing CR, blanks and tabs. */
    private static String trimmed(byte[] raw) {
        int end = raw.length;
        while (end > 0 && (raw[end - 1] == '\r' || raw[end - 1] == ' ' || raw[end - 1] == '\t')) {
            end--;
        }
        return new String(raw, 0, end, StandardCharsets.UTF_8);
    }

    private static String describe(List<byte[]> lines) {
        StringBuilder text = new StringBuilder();
        for (byte[] line : lines) {
            text.append(new String(line, StandardCharsets.UTF_8)).append('\n');
        }
        return text.length() > 20_000 ? text.substring(0, 20_000) + "..." : text.toString();
    }
}
