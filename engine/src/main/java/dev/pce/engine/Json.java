package dev.pce.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration of PCE: snake_case names, ISO-8601 instants, absent optionals omitted, unknown
 * fields tolerated (a newer PCE may have written them).
 */
public final class Json {
    private Json() {
    }

    /** Thread-safe once configured; never reconfigure it. */
    public static ObjectMapper mapper() {
        return Pce.MAPPER;
    }

    /**
     * Built on first use, in a class of its own: a starting server's protocol thread needs {@link #plain()} only and
     * must not build this one too (its modules cost milliseconds); the thread that opens the workspace does, meanwhile.
     */
    private static final class Pce {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .serializationInclusion(JsonInclude.Include.NON_ABSENT)
                .build();
    }

    /**
     * Jackson's defaults, for JSON whose shape is not PCE's own: the MCP protocol's records, JSON schemas, files of
     * other tools. One instance, since each costs milliseconds to build while the server starts. Never reconfigure it.
     */
    public static ObjectMapper plain() {
        return Plain.MAPPER;
    }

    /** Built on first use only: most commands never need it. */
    private static final class Plain {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
