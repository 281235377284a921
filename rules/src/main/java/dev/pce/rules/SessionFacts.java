package dev.pce.rules;

import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

import java.util.List;

/**
 * Reads facts of one class out of a rule session. Kept apart from the classes the server builds at start-up: the
 * JVM loads Drools' filter interface to check this code, and that would open the on-demand jar (Drools, Lucene)
 * before the server's first answer instead of when the rules first run.
 */
public final class SessionFacts {
    private SessionFacts() {
    }

    /** The session's facts of {@code type}; a ClassObjectFilter lets Drools visit only that class's facts. */
    public static <T> List<T> ofType(KieSession session, Class<T> type) {
        return session.getObjects(new ClassObjectFilter(type)).stream().map(type::cast).toList();
    }
}
