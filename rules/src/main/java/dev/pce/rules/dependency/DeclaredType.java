package dev.pce.rules.dependency;

import dev.pce.engine.model.EdgeClass;

import java.util.Locale;

/** The type a planner declared for one entry of depends_on; {@code UNTYPED} when it declared none. */
public enum DeclaredType {
    UNTYPED, HARD, SOFT, RESOURCE, FEEDBACK;

    static DeclaredType of(EdgeClass declared) {
        return valueOf(declared.name());
    }

    /** The name a planner writes in a plan ("soft"). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
