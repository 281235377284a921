package dev.pce.rules.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Metrics;
import dev.pce.engine.gate.ProjectType;
import dev.pce.engine.learning.ThresholdBand;
import dev.pce.engine.model.Ids;
import dev.pce.engine.schedule.PoolSlots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and checks one configuration file. Every key is checked, so a misspelt one is an error that names it
 * instead of a setting silently ignored. YAML is read as plain data (no type tags, no objects built).
 */
final class ConfigFile {
    static final String PROJECT_TYPE = "project_type";
    static final String POOLS = "pools";
    static final String GATES = "gates";
    static final String REQUIRED = "required";
    static final String MONITORING = "monitoring";
    static final String MAX_FAILURE_RATE = "max_failure_rate";
    static final String ALERT_ON_ANOMALY = "alert_on_anomaly";
    static final String VAULT = "vault";
    static final String CAPTURE = "capture";
    static final String AUTOMATIC = "automatic";
    static final String POOL_SIZING = "pool_sizing";
    static final String THRESHOLDS = "thresholds";
    static final String LEARNING = "learning";
    static final String PLANNING = "planning";
    static final String SESSION_MINUTES = "session_minutes";
    /** The longest session: a week of minutes, as the longest lease. */
    private static final double MAX_SESSION_MINUTES = 7 * 24 * 60;
    static final String MIN = "min";
    static final String MAX = "max";
    private static final Set<String> KEYS = Set.of(PROJECT_TYPE, POOLS, GATES, MONITORING, VAULT, LEARNING,
            POOL_SIZING, CAPTURE, PLANNING);
    private static final Set<String> PLANNING_KEYS = Set.of(SESSION_MINUTES);
    private static final Set<String> CAPTURE_KEYS = Set.of(AUTOMATIC);
    private static final Set<String> GATES_KEYS = Set.of(REQUIRED, THRESHOLDS);
    private static final Set<String> LEARNING_KEYS = Set.of(THRESHOLDS);
    private static final Set<String> BOUNDS_KEYS = Set.of(MIN, MAX);
    private static final Set<String> MONITORING_KEYS = Set.of(MAX_FAILURE_RATE, ALERT_ON_ANOMALY);

    private final Path path;
    private final String name;

    private ConfigFile(Path path, String name) {
        this.path = path;
        this.name = name;
    }

    /** The file {@code name} of the repository; {@link ProjectConfig#NONE} when it does not exist or is empty. */
    static ProjectConfig read(Path repository, String name) {
        Path path = repository.resolve(name);
        if (!Files.isRegularFile(path)) {
            return ProjectConfig.NONE;
        }
        return new ConfigFile(path, name).read();
    }

    private ProjectConfig read() {
        JsonNode root = parse();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return ProjectConfig.NONE;
        }
        if (!root.isObject()) {
            throw invalid(path + " is not a YAML mapping of keys to values.", "Write " + path
                    + " as 'key: value' lines, e.g. '" + PROJECT_TYPE + ": service'; the keys are " + allowed("", KEYS) + ".");
        }
        keysOf(root, "", KEYS);
        JsonNode monitoring = monitoring(root.get(MONITORING));
        JsonNode learning = mapping(root.get(LEARNING), LEARNING, LEARNING_KEYS, "{" + THRESHOLDS
                + ": {coverage.line: {min: 60, max: 90}}}");
        return new ProjectConfig(projectType(root.get(PROJECT_TYPE)), pools(root.get(POOLS)),
                required(root.get(GATES)), maxFailureRate(monitoring.get(MAX_FAILURE_RATE)),
                alertOnAnomaly(monitoring.get(ALERT_ON_ANOMALY)), vault(root.get(VAULT)),
                fixedThresholds(absent(root.get(GATES)) ? null : root.get(GATES).get(THRESHOLDS)),
                learningBounds(learning.get(THRESHOLDS)), PoolSizingSetting.read(root.get(POOL_SIZING), path, name),
                automaticCapture(root.get(CAPTURE)), sessionMinutes(mapping(root.get(PLANNING), PLANNING,
                PLANNING_KEYS, "{" + SESSION_MINUTES + ": 120}").get(SESSION_MINUTES)));
    }

    private JsonNode parse() {
        try {
            return Yaml.MAPPER.readTree(path.toFile());
        } catch (JsonProcessingException e) {
            throw invalid("Cannot read " + path + " as YAML: " + e.getOriginalMessage() + location(e) + ".",
                    "Correct the YAML syntax of " + path + " at the position named.", e);
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO, "Cannot read " + path + ": " + e.getMessage(),
                    "Check that the file is readable.", e);
        }
    }

    private Optional<Configured<ProjectType>> projectType(JsonNode value) {
        if (absent(value)) {
            return Optional.empty();
        }
        try {
            if (!value.isTextual()) {
                throw new IllegalArgumentException("not a text");
            }
            return Optional.of(new Configured<>(ProjectType.parse(value.asText()), name));
        } catch (IllegalArgumentException e) {
            throw invalid(path + ": " + PROJECT_TYPE + " is '" + shown(value) + "', which is not a project type;"
                    + " allowed: " + ProjectType.allowedNames() + ".", "Set " + PROJECT_TYPE + " in " + path
                    + " to one of " + ProjectType.allowedNames() + ", or remove the key to let PCE detect the type.");
        }
    }

    private Map<String, Configured<Integer>> pools(JsonNode value) {
        if (absent(value)) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw invalid(path + ": " + POOLS + " is '" + shown(value) + "', not a mapping of pools to agents.",
                    "Write " + POOLS + " in " + path + " as {builders: 3, reviewers: 2}.");
        }
        Map<String, Configured<Integer>> pools = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> pool : value.properties()) {
            String key = POOLS + "." + pool.getKey();
            try {
                Ids.requirePool(pool.getKey(), path + ": " + POOLS + " key");
            } catch (CeException e) {
                throw invalid(e.getMessage(), "Name the pool in " + path + " with a-z, 0-9, '_' and '-', starting"
                        + " with a letter (planners, builders, reviewers, ...).");
            }
            JsonNode agents = pool.getValue();
            if (!agents.isIntegralNumber() || agents.asLong() < 1 || agents.asLong() > PoolSlots.MAX_SLOTS) {
                throw invalid(path + ": " + key + " is '" + shown(agents) + "', which is not a number of agents;"
                        + " allowed: a whole number from 1 to " + PoolSlots.MAX_SLOTS + ".", "Set " + key + " in "
                        + path + " to the number of agents the pool runs at once, e.g. 3.");
            }
            pools.put(pool.getKey(), new Configured<>(agents.asInt(), name));
        }
        return pools;
    }

    private Optional<Configured<List<Dimension>>> required(JsonNode gates) {
        if (absent(gates)) {
            return Optional.empty();
        }
        if (!gates.isObject()) {
            throw invalid(path + ": " + GATES + " is '" + shown(gates) + "', not a mapping.", "Write " + GATES
                    + " in " + path + " as {" + REQUIRED + ": [tests, coverage]}.");
        }
        keysOf(gates, GATES + ".", GATES_KEYS);
        JsonNode value = gates.get(REQUIRED);
        if (absent(value)) {
            return Optional.empty();
        }
        String key = GATES + "." + REQUIRED;
        String dimensions = Arrays.stream(Dimension.values()).map(Dimension::wireName)
                .collect(Collectors.joining(", "));
        if (!value.isArray()) {
            throw invalid(path + ": " + key + " is '" + shown(value) + "', not a list of dimensions.", "Write "
                    + key + " in " + path + " as a list, e.g. [tests, coverage]; dimensions: " + dimensions + ".");
        }
        List<Dimension> required = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            try {
                if (!item.isTextual()) {
                    throw new IllegalArgumentException("not a text");
                }
                Dimension dimension = Dimension.parse(item.asText());
                if (!required.contains(dimension)) {
                    required.add(dimension);
                }
            } catch (IllegalArgumentException e) {
                throw invalid(path + ": " + key + "[" + i + "] is '" + shown(item) + "', which is not a dimension;"
                        + " allowed: " + dimensions + ".", "Correct or remove it in " + path + ".");
            }
        }
        return Optional.of(new Configured<>(List.copyOf(required), name));
    }

    /** The mapping {@code key}, its keys checked; an empty one when not set. */
    private JsonNode mapping(JsonNode value, String key, Set<String> keys, String example) {
        if (absent(value)) {
            return Yaml.MAPPER.createObjectNode();
        }
        if (!value.isObject()) {
            throw invalid(path + ": " + key + " is '" + shown(value) + "', not a mapping.", "Write " + key + " in "
                    + path + " as " + example + ".");
        }
        keysOf(value, key + ".", keys);
        return value;
    }

    /** The metrics of a thresholds mapping, each checked to be one a gate criterion judges. */
    private Map<String, JsonNode> metricsOf(JsonNode value, String key, String example) {
        if (absent(value)) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw invalid(path + ": " + key + " is '" + shown(value) + "', not a mapping of metrics.", "Write " + key
                    + " in " + path + " as " + example + ".");
        }
        Map<String, JsonNode> metrics = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (!Metrics.JUDGED.contains(entry.getKey())) {
                throw invalid(path + ": " + key + " names the metric '" + Ids.clip(entry.getKey()) + "', which no gate"
                        + " criterion judges.", "Use one of " + String.join(", ", Metrics.JUDGED) + " in " + path
                        + ".");
            }
            metrics.put(entry.getKey(), entry.getValue());
        }
        return metrics;
    }

    /** A threshold of {@code metric}: a number in the metric's unit (0 to 100 for a share, 0 or more for a count). */
    private double threshold(String key, String metric, JsonNode value, String what) {
        boolean percent = Metrics.isPercentage(metric);
        if (!value.isNumber() || !Double.isFinite(value.asDouble()) || value.asDouble() < 0
                || (percent && value.asDouble() > 100)) {
            throw invalid(path + ": " + key + " is '" + shown(value) + "', which is not " + what + " of " + metric
                    + "; allowed: a number from 0" + (percent ? " to 100 (a percentage)" : " up (a count)") + ".",
                    "Set " + key + " in " + path + " to " + (percent ? "a percentage, e.g. 75" : "a count, e.g. 1")
                    + ".");
        }
        return value.asDouble();
    }

    private Map<String, Configured<Double>> fixedThresholds(JsonNode value) {
        String key = GATES + "." + THRESHOLDS;
        Map<String, Configured<Double>> fixed = new LinkedHashMap<>();
        metricsOf(value, key, "{coverage.line: 75}").forEach((metric, threshold) -> fixed.put(metric,
                new Configured<>(threshold(key + "." + metric, metric, threshold, "a threshold"), name)));
        return fixed;
    }

    private Map<String, Configured<ThresholdBand>> learningBounds(JsonNode value) {
        String key = LEARNING + "." + THRESHOLDS;
        Map<String, Configured<ThresholdBand>> bounds = new LinkedHashMap<>();
        metricsOf(value, key, "{coverage.line: {min: 60, max: 90}}").forEach((metric, band) -> {
            String bandKey = key + "." + metric;
            if (!band.isObject() || absent(band.get(MIN)) || absent(band.get(MAX))) {
                throw invalid(path + ": " + bandKey + " is '" + shown(band) + "', not a band with a min and a max.",
                        "Write " + bandKey + " in " + path + " as {min: 60, max: 90}: the lowest and the highest"
                                + " threshold learning may set.");
            }
            keysOf(band, bandKey + ".", BOUNDS_KEYS);
            double min = threshold(bandKey + "." + MIN, metric, band.get(MIN), "a lowest threshold");
            double max = threshold(bandKey + "." + MAX, metric, band.get(MAX), "a highest threshold");
            if (min > max) {
                throw invalid(path + ": " + bandKey + " has min " + shown(band.get(MIN)) + " above max "
                        + shown(band.get(MAX)) + ".", "Swap them in " + path + ": min is the lowest threshold"
                        + " learning may set, max the highest.");
            }
            bounds.put(metric, new Configured<>(new ThresholdBand(min, max, name + " " + key), name));
        });
        return bounds;
    }

    /** The {@code monitoring} mapping, its keys checked; an empty one when not set. */
    private JsonNode monitoring(JsonNode value) {
        if (absent(value)) {
            return Yaml.MAPPER.createObjectNode();
        }
        if (!value.isObject()) {
            throw invalid(path + ": " + MONITORING + " is '" + shown(value) + "', not a mapping.", "Write "
                    + MONITORING + " in " + path + " as {" + MAX_FAILURE_RATE + ": 0.2, " + ALERT_ON_ANOMALY
                    + ": true}.");
        }
        keysOf(value, MONITORING + ".", MONITORING_KEYS);
        return value;
    }

    private Optional<Configured<Double>> maxFailureRate(JsonNode value) {
        if (absent(value)) {
            return Optional.empty();
        }
        if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
            String key = MONITORING + "." + MAX_FAILURE_RATE;
            throw invalid(path + ": " + key + " is '" + shown(value) + "', which is not a share; allowed: a number "
                    + "from 0 to 1.", "Set " + key + " in " + path + " to the share of attempts that may fail or "
                    + "expire, e.g. 0.2 for 20%.");
        }
        return Optional.of(new Configured<>(value.asDouble(), name));
    }

    private Optional<Configured<Double>> sessionMinutes(JsonNode value) {
        if (absent(value)) {
            return Optional.empty();
        }
        if (!value.isNumber() || !(value.asDouble() > 0) || value.asDouble() > MAX_SESSION_MINUTES) {
            String key = PLANNING + "." + SESSION_MINUTES;
            throw invalid(path + ": " + key + " is '" + shown(value) + "'; allowed: minutes, more than 0 and at most "
                    + (long) MAX_SESSION_MINUTES + ".", "Set " + key + " in " + path + " to how long one agent "
                    + "session works on a task, e.g. 120; ce_plan suggests splitting tasks estimated longer.");
        }
        return Optional.of(new Configured<>(value.asDouble(), name));
    }

    private Optional<Configured<Boolean>> alertOnAnomaly(JsonNode value) {
        if (absent(value)) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            String key = MONITORING + "." + ALERT_ON_ANOMALY;
            throw invalid(path + ": " + key + " is '" + shown(value) + "'; allowed: true or false.", "Set " + key
                    + " in " + path + " to true (an anomaly flag alerts) or false (it warns only).");
        }
        return Optional.of(new Configured<>(value.asBoolean(), name));
    }

    private Optional<Configured<RepositoryFolder>> vault(JsonNode value) {
        if (absent(value)) {
            return Optional.empty();
        }
        try {
            if (!value.isTextual()) {
                throw new IllegalArgumentException("is not a folder name");
            }
            return Optional.of(new Configured<>(RepositoryFolder.parse(value.asText()), name));
        } catch (IllegalArgumentException e) {
            throw invalid(path + ": " + VAULT + " '" + shown(value) + "' " + e.getMessage() + ".", "Set " + VAULT
                    + " in " + path + " to a folder of the repository, such as docs/solutions, or remove the key to"
                    + " keep the vault in the workspace (CE_VAULT names a folder elsewhere).");
        }
    }

    private Optional<Configured<Boolean>> automaticCapture(JsonNode capture) {
        if (absent(capture)) {
            return Optional.empty();
        }
        if (!capture.isObject()) {
            throw invalid(path + ": " + CAPTURE + " is '" + shown(capture) + "', not a mapping.", "Write " + CAPTURE
                    + " in " + path + " as {" + AUTOMATIC + ": false}.");
        }
        keysOf(capture, CAPTURE + ".", CAPTURE_KEYS);
        JsonNode value = capture.get(AUTOMATIC);
        if (absent(value)) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            String key = CAPTURE + "." + AUTOMATIC;
            throw invalid(path + ": " + key + " is '" + shown(value) + "'; allowed: true or false.", "Set " + key
                    + " in " + path + " to true (PCE writes the notes of failures, failed gates, escalations, "
                    + "overruns and workflow ends itself) or false (only ce_capture writes notes).");
        }
        return Optional.of(new Configured<>(value.asBoolean(), name));
    }

    private void keysOf(JsonNode mapping, String prefix, Set<String> allowed) {
        for (String key : (Iterable<String>) mapping::fieldNames) {
            if (!allowed.contains(key)) {
                throw invalid(path + ": unknown key '" + prefix + Ids.clip(key) + "'; allowed: "
                        + allowed(prefix, allowed) + ".",
                        "Correct or remove the key in " + path + " (see docs/gates.md, \"Configuration\").");
            }
        }
    }

    static boolean absent(JsonNode value) {
        return value == null || value.isNull();
    }

    private static String allowed(String prefix, Set<String> keys) {
        return keys.stream().sorted().map(key -> prefix + key).collect(Collectors.joining(", "));
    }

    static String shown(JsonNode value) {
        return Ids.clip(value.isTextual() ? value.asText() : value.toString());
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    static CeException invalid(String message, String fix) {
        return new CeException(ErrorCode.INVALID_ARGUMENT, message, fix);
    }

    private static CeException invalid(String message, String fix, Throwable cause) {
        return new CeException(ErrorCode.INVALID_ARGUMENT, message, fix, cause);
    }

    /** The YAML reader, built on the first file read: a repository without configuration never loads YAML. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
