package dev.pce.engine.learning.insight;

import dev.pce.engine.knowledge.NewNote;

import java.util.List;
import java.util.Objects;

/**
 * The note of one insight: the insight events of one workflow that share a key, written as one note.
 *
 * @param id     the note's id, made from the workflow and the key alone, so every process and every replay names
 *               the same insight the same: what keeps two processes from writing it twice
 * @param events the events it stands for, each as {@code kind@seq} (as the front matter's {@code insight_events}
 *               lists them)
 * @param note   what to write: the same for the same events, to the byte
 */
public record InsightNote(String id, String key, List<String> events, long lastSeq, NewNote note) {
    /** The front matter key that marks a note PCE captured on its own, and may bring up to date. */
    public static final String CAPTURE_KEY = "capture";
    public static final String AUTOMATIC = "automatic";
    /** The status PCE gives its notes; a person who changes it takes the note over (PCE leaves it as it is). */
    public static final String STATUS = "draft";
    public static final String EVENTS_KEY = "insight_events";
    public static final String LAST_SEQ_KEY = "last_seq";

    public InsightNote {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        events = List.copyOf(events);
        Objects.requireNonNull(note, "note");
    }

    /** How one insight event is named in {@link #events()} and the front matter. */
    public static String eventName(InsightEvent event) {
        return event.kind().wireName() + "@" + event.seq();
    }
}
