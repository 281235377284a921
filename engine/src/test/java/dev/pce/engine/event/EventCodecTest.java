package dev.pce.engine.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.Json;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.testing.Plans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.pce.engine.testing.Errors.assertError;
import static dev.pce.engine.testing.Plans.task;
import static org.assertj.core.api.Assertions.assertThat;

class EventCodecTest {
    private static final Instant TIME = Instant.parse("2025-01-15T10:00:00.123Z");

    @Test
    void everyKnownPayloadSurvivesEncodeAndDecode() throws Exception {
        JsonNode data = Json.mapper().readTree("{\"tests\":12,\"nested\":{\"ok\":true}}");
        List<EventPayload> payloads = List.of(
                new WorkflowPlanned("ship it", Plans.of(task("a"), task("b").kind("review").dependsOn("a"))),
                new TaskClaimed("a", "cl-1", "alice", "builders", TIME.plusSeconds(600)),
                new LeaseExpired("a", "cl-1", "alice"),
                new TaskCompleted("a", "cl-2", "done", List.of("src/A.java"), data, true),
                new TaskCompleted("b", "cl-3", "done", List.of(), NullNode.getInstance(), false),
                new TaskFailed("a", "cl-4", "compiler crashed", true, false),
                new ClaimRevoked("b", "cl-5", "bob", "it started on a partial output of a that was rolled back", "a"),
                new TaskReopened("b", "cl-3", "bob", "a", "it was completed on a partial output of a"));
        long seq = 1;
        for (EventPayload payload : payloads) {
            Event event = new Event(EventIds.next(TIME.toEpochMilli()), seq++, TIME, "agent-1", payload);

            Event decoded = roundTrip(event);

            assertThat(decoded).as(payload.type()).isEqualTo(event);
        }
    }

    /**
     * The line is streamed without building its tree (a plan's tree held hundreds of thousands of nodes): it must be
     * byte for byte what the tree gives, and {@code payloadSize} must count exactly the payload's bytes.
     */
    @Test
    void theStreamedLineIsTheTreeWrittenOutAndThePayloadSizeIsExact() throws Exception {
        JsonNode data = Json.mapper().readTree("{\"tests\":12,\"ratio\":0.5,\"nested\":{\"ok\":true,\"é\":\"ü\\n\"}}");
        ClassifiedEdge edge = new ClassifiedEdge("a", "b", EdgeClass.RESOURCE, "both write \"x\"", "rule", "x");
        List<EventPayload> payloads = List.of(
                new WorkflowPlanned("ship it", Plans.of(task("a").writes("x"), task("b").kind("review").dependsOn("a")),
                        List.of(edge), Map.of("a", 12.5)),
                new TasksAdded(Plans.of(task("c").estimate(0.25)), List.of(edge), "gate failed", "gate:g1"),
                new TaskClaimed("a", "cl-1", "alice", "builders", TIME.plusSeconds(600)),
                new TaskCompleted("a", "cl-2", "done", List.of("src/A.java"), data, true),
                new TaskFailed("a", "cl-4", "line one\nline two", true, false),
                new UnrecognizedPayload("future.thing", data));
        for (EventPayload payload : payloads) {
            Event event = new Event("e1", 4, TIME, "agent-1", payload);
            byte[] tree = Json.mapper().writeValueAsBytes(EventCodec.toJson(event));

            assertThat(new String(EventCodec.encode(event), StandardCharsets.UTF_8)).as(payload.type())
                    .isEqualTo(new String(tree, StandardCharsets.UTF_8) + "\n");
            assertThat(EventCodec.payloadSize(payload)).as(payload.type())
                    .isEqualTo(Json.mapper().writeValueAsBytes(EventCodec.toJson(event).get("payload")).length);
            assertThat(EventCodec.encodeLine(event).payloadBytes()).as("counted while encoding, " + payload.type())
                    .isEqualTo(EventCodec.payloadSize(payload));
        }
    }

    /** Logs written before withdrawn drafts cascaded hold revocations without a cause: they read as before. */
    @Test
    void aRevocationWithoutACauseReadsAsAnOlderLogWroteIt() {
        String line = "{\"id\":\"e1\",\"seq\":5,\"time\":\"2025-01-15T10:00:00Z\",\"type\":\"task.claim_revoked\","
                + "\"source\":\"pce\",\"payload\":{\"task_id\":\"client\",\"claim_id\":\"cl-1\",\"agent\":\"bob\","
                + "\"reason\":\"it started on a partial output of api that was rolled back\"}}";

        Event event = decode(line, "test line 5");

        assertThat(event.payload()).isEqualTo(new ClaimRevoked("client", "cl-1", "bob",
                "it started on a partial output of api that was rolled back"));
        assertThat(((ClaimRevoked) event.payload()).cause()).isEmpty();
    }

    @Test
    void unknownTypeIsKeptVerbatimAndWrittenBackUnchanged() {
        String line = "{\"id\":\"e1\",\"seq\":7,\"time\":\"2025-01-15T10:00:00Z\",\"type\":\"future.thing\","
                + "\"source\":\"newer-pce\",\"payload\":{\"answer\":42,\"list\":[1,\"two\"]}}";

        Event event = decode(line, "test line 7");

        assertThat(event.type()).isEqualTo("future.thing");
        assertThat(event.payload()).isInstanceOf(UnrecognizedPayload.class);
        assertThat(((UnrecognizedPayload) event.payload()).raw().get("answer").asInt()).isEqualTo(42);
        assertThat(new String(EventCodec.encode(event), StandardCharsets.UTF_8)).isEqualTo(line + "\n");
    }

    @Test
    void encodedEventIsOneLineEndingInNewline() {
        Event event = new Event("e1", 1, TIME, "alice",
                new TaskFailed("a", "cl-1", "line one\nline two", false, false));

        String line = new String(EventCodec.encode(event), StandardCharsets.UTF_8);

        assertThat(line).endsWith("\n");
        assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n");
        assertThat(roundTrip(event)).isEqualTo(event);
    }

    @Test
    void wireFormatUsesSnakeCaseFieldsAndIsoTimes() {
        Event event = new Event("e1", 3, TIME, "alice",
                new TaskClaimed("a", "cl-1", "alice", "builders", Instant.parse("2025-01-15T10:10:00Z")));

        JsonNode json = EventCodec.toJson(event);

        assertThat(json.get("type").asText()).isEqualTo("task.claimed");
        assertThat(json.get("time").asText()).isEqualTo("2025-01-15T10:00:00.123Z");
        assertThat(json.get("payload").get("task_id").asText()).isEqualTo("a");
        assertThat(json.get("payload").get("lease_until").asText()).isEqualTo("2025-01-15T10:10:00Z");
    }

    /** Lines written with ' for " to stay readable. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{'id':'e1','seq':1,'time':'2025",
            "[1,2,3]",
            "{'seq':1,'time':'2025-01-15T10:00:00Z','type':'x','source':'s','payload':{}}",
            "{'id':'e1','seq':0,'time':'2025-01-15T10:00:00Z','type':'x','source':'s','payload':{}}",
            "{'id':'e1','seq':1.5,'time':'2025-01-15T10:00:00Z','type':'x','source':'s','payload':{}}",
            "{'id':'e1','seq':'1','time':'2025-01-15T10:00:00Z','type':'x','source':'s','payload':{}}",
            "{'id':'e1','seq':1,'time':'yesterday','type':'x','source':'s','payload':{}}",
            "{'id':'e1','seq':1,'time':'2025-01-15T10:00:00Z','type':'x','source':'s','payload':3}",
            "{'id':'e1','seq':1,'time':'2025-01-15T10:00:00Z','type':'x','source':7,'payload':{}}",
            "{'id':'e1','seq':1,'time':'2025-01-15T10:00:00Z','type':'task.claimed','source':'s',"
                    + "'payload':{'task_id':'a','lease_until':'not a time'}}"
    })
    void corruptLineIsRejectedWithAnErrorNamingWhereItIs(String line) {
        String json = line.replace('\'', '"');

        assertError(ErrorCode.LOG_CORRUPT, () -> decode(json, "/ws/workflows/wf-1/events.jsonl line 17"),
                "Event log /ws/workflows/wf-1/events.jsonl line 17 ");
    }

    @Test
    void decodeReadsOnlyTheGivenSliceOfTheBuffer() {
        Event event = new Event("e9", 9, TIME, "bob", new LeaseExpired("a", "cl-1", "alice"));
        byte[] line = EventCodec.encode(event);
        byte[] buffer = new byte[line.length + 20];
        Arrays.fill(buffer, (byte) 'x');
        System.arraycopy(line, 0, buffer, 10, line.length);

        Event decoded = EventCodec.decode(buffer, 10, line.length - 1, "buffer");

        assertThat(decoded).isEqualTo(event);
    }

    /**
     * Found by fuzzing: a payload without a field the state fold needs decoded with a null in it, and the log
     * failed later, outside the codec, with a NullPointerException (replaying, merging, doctor). Now the line is a
     * corrupt line naming the field, like any other unreadable payload.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"task_id\":\"a\",\"claim_id\":\"cl-1\",\"pool\":\"builders\",\"lease_until\":\"2025-01-15T10:10:00Z\"}",
            "{\"claim_id\":\"cl-1\",\"agent\":\"alice\",\"pool\":\"builders\",\"lease_until\":\"2025-01-15T10:10:00Z\"}"})
    void aPayloadMissingARequiredFieldIsACorruptLine(String payload) {
        String line = "{\"id\":\"e1\",\"seq\":2,\"time\":\"2025-01-15T10:00:00Z\",\"type\":\"task.claimed\","
                + "\"source\":\"alice\",\"payload\":" + payload + "}";

        assertError(ErrorCode.LOG_CORRUPT, () -> decode(line, "events.jsonl line 2"),
                "Event log events.jsonl line 2 has a 'task.claimed' payload PCE cannot read");
    }

    private static Event roundTrip(Event event) {
        byte[] line = EventCodec.encode(event);
        return EventCodec.decode(line, 0, line.length - 1, "round trip");
    }

    private static Event decode(String line, String where) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return EventCodec.decode(bytes, 0, bytes.length, where);
    }
}
