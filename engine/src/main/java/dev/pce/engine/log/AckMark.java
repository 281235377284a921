package dev.pce.engine.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * How far a log had been acknowledged: the last event of the last append that was forced to disk, kept beside the
 * log in {@code events.jsonl.ack}. It tells a torn tail (a line after that event, left by an append that never
 * finished) from a log cut short outside PCE (fewer complete lines than acknowledged events: events are missing).
 *
 * <p>The mark is written after the log was forced, and is not forced itself: it may lag behind the log after a
 * crash of the machine, never run ahead of it. A lagging mark only makes the check weaker, never wrong. It names the
 * file it belongs to (device and inode), so a log replaced by a new file is not judged by the old file's mark.
 *
 * @param seq      the seq of the last acknowledged event
 * @param offset   the byte offset just past that event's line
 * @param eventId  that event's id
 * @param file     the identity of the log file the mark belongs to, empty where the platform has none
 */
record AckMark(long seq, long offset, String eventId, String file) {
    /** Every mark is written at this length over the last one, so an older, longer text never shows through. */
    static final int LENGTH = 256;

    AckMark {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(file, "file");
    }

    static Path fileOf(Path log) {
        return log.resolveSibling(log.getFileName() + ".ack");
    }

    /** The identity of a log file as a mark records it. */
    static String identity(OpenLogFiles.Key key) {
        return key.identity() == null ? "" : key.identity().toString();
    }

    /** Whether this mark was written for the log {@code key} names (on platforms without identities: yes). */
    boolean belongsTo(OpenLogFiles.Key key) {
        return file.isEmpty() || key.identity() == null || file.equals(identity(key));
    }

    /** The mark as the file holds it: one JSON line, padded to at least {@link #LENGTH} bytes. */
    byte[] encode() {
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("seq", seq).put("offset", offset).put("id", eventId).put("file", file);
        byte[] text;
        try {
            text = Json.mapper().writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException("an ack mark cannot be written as JSON", e);
        }
        byte[] padded = new byte[Math.max(LENGTH, text.length + 1)];
        Arrays.fill(padded, (byte) ' ');
        System.arraycopy(text, 0, padded, 0, text.length);
        padded[padded.length - 1] = '\n';
        return padded;
    }

    /**
     * The mark {@code bytes} hold; empty when they hold none (an empty file, or one half written when the machine
     * crashed): then nothing is known, which is never wrong.
     */
    static Optional<AckMark> parse(byte[] bytes) {
        try {
            JsonNode json = Json.mapper().readTree(new String(bytes, StandardCharsets.UTF_8).strip());
            if (json == null || !json.path("seq").canConvertToLong() || !json.path("offset").canConvertToLong()
                    || !json.path("id").isTextual() || !json.path("file").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new AckMark(json.get("seq").asLong(), json.get("offset").asLong(),
                    json.get("id").asText(), json.get("file").asText()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The mark beside {@code log}, read by name (for a reader that does not have the log open). */
    static Optional<AckMark> readBeside(Path log) {
        try {
            return parse(Files.readAllBytes(fileOf(log)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
