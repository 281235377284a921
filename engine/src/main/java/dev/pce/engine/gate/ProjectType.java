package dev.pce.engine.gate;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** What kind of software a repository holds; the gate rules adapt their thresholds to it. */
public enum ProjectType {
    /** Code other code calls: reused by callers its authors never see. */
    LIBRARY,
    /** A long-running process that answers requests (HTTP, RPC, queues). */
    SERVICE,
    /** A program people or scripts run from a shell. */
    CLI,
    /** A front end that runs in the browser. */
    WEB;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The valid wire names, for error messages: "library, service, cli, web". */
    public static String allowedNames() {
        return String.join(", ", Arrays.stream(values()).map(ProjectType::wireName).toList());
    }

    /** The type named {@code text} (any case), or an exception that lists the valid names. */
    public static ProjectType parse(String text) {
        for (ProjectType type : values()) {
            if (type.name().equalsIgnoreCase(text.strip())) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown project type '" + text + "'; use one of " + allowedNames());
    }
}
