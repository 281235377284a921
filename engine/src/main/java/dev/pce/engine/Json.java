package dev.pce.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration of PCE: snake_case names, ISO-8601 instants, absent optionals omitted, unknown
 * fields tolerated (a newer PCE may have written them). Both mappers read within the same bounds
 * ({@link #MAX_MESSAGE_BYTES}, {@link #MAX_NESTING_DEPTH}, {@link #MAX_NUMBER_DIGITS}).
 */
public final class Json {
    /**
     * The largest JSON text PCE reads as one piece: an MCP message over stdio or HTTP. A string or a field name may
     * be as long as the message allows; Jackson's own bounds (20 million characters, 50,000 for a name) refused
     * valid messages below this size as if they were not JSON.
     */
    public static final int MAX_MESSAGE_BYTES = 32 * 1024 * 1024;
    /** How deep objects and arrays may nest in what PCE reads (Jackson's default): no legitimate message comes near. */
    public static final int MAX_NESTING_DEPTH = 1_000;
    /** The most characters of one number PCE reads (Jackson's default): longer ones cost quadratic time to parse. */
    public static final int MAX_NUMBER_DIGITS = 1_000;

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
        static final ObjectMapper MAPPER = JsonMapper.builder(boundedFactory())
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
        static final ObjectMapper MAPPER = new ObjectMapper(boundedFactory());
    }

    /** A JSON factory whose parsers keep to PCE's documented bounds, and only to them. */
    private static JsonFactory boundedFactory() {
        return JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(MAX_MESSAGE_BYTES)
                .maxNameLength(MAX_MESSAGE_BYTES)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_DIGITS)
                .build()).build();
    }
}
