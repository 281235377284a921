package dev.pce.engine.event;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Turns events into log lines and back. One event is one line of JSON ending in a newline. */
public final class EventCodec {
    private static final ObjectMapper MAPPER = Json.mapper();

    private static final Map<String, Class<? extends EventPayload>> PAYLOAD_TYPES = Map.ofEntries(
            Map.entry(WorkflowPlanned.TYPE, WorkflowPlanned.class),
            Map.entry(TasksAdded.TYPE, TasksAdded.class),
            Map.entry(PlanEdited.TYPE, PlanEdited.class),
            Map.entry(EvidenceReported.TYPE, EvidenceReported.class),
            Map.entry(GateEvaluated.TYPE, GateEvaluated.class),
            Map.entry(ReviewReported.TYPE, ReviewReported.class),
            Map.entry(ConflictResolved.TYPE, ConflictResolved.class),
            Map.entry(ConflictOverridden.TYPE, ConflictOverridden.class),
            Map.entry(TaskClaimed.TYPE, TaskClaimed.class),
            Map.entry(LeaseExpired.TYPE, LeaseExpired.class),
            Map.entry(TaskCompleted.TYPE, TaskCompleted.class),
            Map.entry(TaskFailed.TYPE, TaskFailed.class),
            Map.entry(TaskProgressed.TYPE, TaskProgressed.class),
            Map.entry(ProgressRolledBack.TYPE, ProgressRolledBack.class),
            Map.entry(ClaimRevoked.TYPE, ClaimRevoked.class),
            Map.entry(TaskReopened.TYPE, TaskReopened.class));

    private EventCodec() {
    }

    /**
     * The event as one UTF-8 JSON line, newline included: the same bytes as {@link #toJson} written out, streamed
     * without building the tree first (a plan's event holds hundreds of thousands of nodes).
     */
    public static byte[] encode(Event event) {
        return encodeLine(event).bytes();
    }

    /** An encoded event, in the blocks it was encoded into, and the bytes its payload takes in it. */
    public static final class Line {
        private final EncodedBlocks blocks;
        private final long payloadBytes;

        private Line(EncodedBlocks blocks, long payloadBytes) {
            this.blocks = blocks;
            this.payloadBytes = payloadBytes;
        }

        /** The payload's JSON alone ({@link #payloadSize}). */
        public long payloadBytes() {
            return payloadBytes;
        }

        /** The line, newline included ({@link #encode}). */
        public byte[] bytes() {
            return blocks.toByteArray();
        }

        /** The line's length in bytes, newline included. */
        public long length() {
            return blocks.size();
        }

        /** The line as buffers to write one after another, without copying it into one array first. */
        public ByteBuffer[] buffers() {
            return blocks.buffers();
        }
    }

    /** As {@link #encode}, counting the payload's bytes as they are written: a bound needs no second pass. */
    public static Line encodeLine(Event event) {
        // in blocks, never copied: a growing array copied itself at every doubling, a plan event of megabytes into
        // garbage several times its size
        EncodedBlocks out = new EncodedBlocks();
        long payloadBytes;
        try (JsonGenerator json = MAPPER.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("id", event.id());
            json.writeNumberField("seq", event.seq());
            json.writeStringField("time", event.time().toString());
            json.writeStringField("type", event.type());
            json.writeStringField("source", event.source());
            json.writeFieldName("payload");
            json.flush();
            long payloadStart = out.size() + 1; // the ':' after the name is written with the value
            writePayload(json, event.payload());
            json.flush();
            payloadBytes = out.size() - payloadStart;
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("event " + event.id() + " cannot be written as JSON", e);
        }
        out.write('\n');
        return new Line(out, payloadBytes);
    }

    /** The bytes of the payload's JSON, counted without keeping them: a bound is checked before anything is written. */
    public static long payloadSize(EventPayload payload) {
        CountingOutputStream counter = new CountingOutputStream();
        try (JsonGenerator json = MAPPER.createGenerator(counter)) {
            writePayload(json, payload);
        } catch (IOException e) {
            throw new IllegalStateException("a '" + payload.type() + "' payload cannot be written as JSON", e);
        }
        return counter.count;
    }

    private static void writePayload(JsonGenerator json, EventPayload payload) throws IOException {
        if (payload instanceof UnrecognizedPayload unknown) {
            MAPPER.writeTree(json, unknown.raw());
        } else if (payload instanceof WorkflowPlanned plan) {
            PlanEventWriter.write(json, plan);
        } else {
            MAPPER.writeValue(json, payload);
        }
    }

    private static final class CountingOutputStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }

    /** The event as the JSON object its log line holds. */
    public static ObjectNode toJson(Event event) {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("id", event.id());
        line.put("seq", event.seq());
        line.put("time", event.time().toString());
        line.put("type", event.type());
        line.put("source", event.source());
        line.set("payload", event.payload() instanceof UnrecognizedPayload unknown
                ? unknown.raw()
                : MAPPER.valueToTree(event.payload()));
        return line;
    }

    /**
     * Reads one line (without its newline).
     *
     * @param where the file and line number, for the error message
     */
    public static Event decode(byte[] buffer, int offset, int length, String where) {
        JsonNode node;
        try {
            node = MAPPER.readTree(buffer, offset, length);
        } catch (IOException e) {
            throw corrupt(where, "is not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
        return fromJson(node, where);
    }

    /**
     * The event an object of {@link #toJson} holds, as {@code ce_events} answers them; checked as a log line is.
     *
     * @param where where the object came from, for the error message
     */
    public static Event fromJson(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw corrupt(where, "is not a JSON object");
        }
        String id = text(node, "id", where);
        JsonNode seqNode = node.get("seq");
        if (seqNode == null || !seqNode.isIntegralNumber() || !seqNode.canConvertToLong() || seqNode.asLong() < 1) {
            throw corrupt(where, "has no positive integer 'seq'");
        }
        Instant time;
        try {
            time = Instant.parse(text(node, "time", where));
        } catch (DateTimeParseException e) {
            throw corrupt(where, "has a 'time' that is not an ISO-8601 instant");
        }
        String type = text(node, "type", where);
        String source = text(node, "source", where);
        JsonNode payloadNode = node.get("payload");
        if (payloadNode == null || !payloadNode.isObject()) {
            throw corrupt(where, "has no 'payload' object");
        }
        return new Event(id, seqNode.asLong(), time, source, payload(type, payloadNode, where));
    }

    private static EventPayload payload(String type, JsonNode payloadNode, String where) {
        Class<? extends EventPayload> payloadClass = PAYLOAD_TYPES.get(type);
        if (payloadClass == null) {
            return new UnrecognizedPayload(type, payloadNode);
        }
        try {
            return MAPPER.treeToValue(payloadNode, payloadClass);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw corrupt(where, "has a '" + type + "' payload PCE cannot read (" + firstLine(e.getMessage()) + ")");
        }
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw corrupt(where, "has no string '" + field + "'");
        }
        return value.asText();
    }

    private static CeException corrupt(String where, String problem) {
        return new CeException(ErrorCode.LOG_CORRUPT, "Event log " + where + " " + problem + ".",
                "Restore the file from a backup: every line must be an event written by PCE. ce doctor lists "
                        + "each damaged line; ce doctor --repair-log <workflow id> keeps the events before the first "
                        + "one, with a copy of the whole file.");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
