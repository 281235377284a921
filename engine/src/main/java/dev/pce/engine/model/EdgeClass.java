package dev.pce.engine.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How one task relates to another; the rules decide it from what the plan declares. */
public enum EdgeClass {
    /** The dependent needs the prerequisite's finished output. A scheduling edge. */
    HARD,
    /** The dependent may start once the prerequisite reported a partial output. A scheduling edge. */
    SOFT,
    /** Both write the same file or resource: never at the same time, either order. Mutual exclusion, not order. */
    RESOURCE,
    /** The dependent reviews the prerequisite; a failed review sends rework back. Not a scheduling edge. */
    FEEDBACK;

    /** Made once: a 100,000-task plan writes a class for each of its relations, several times. */
    private final String wireName = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static EdgeClass fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** Whether the edge orders the two tasks (and so takes part in cycle detection and the critical path). */
    public boolean orders() {
        return this == HARD || this == SOFT;
    }
}
