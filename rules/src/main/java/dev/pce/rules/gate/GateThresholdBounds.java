package dev.pce.rules.gate;

import dev.pce.engine.gate.ProjectType;
import dev.pce.engine.learning.ThresholdBand;
import dev.pce.engine.learning.ThresholdBounds;
import dev.pce.rules.config.ProjectConfig;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The bounds of learned gate thresholds in a project: the band its configuration sets ({@code learning.thresholds},
 * or a threshold {@code gates.thresholds} fixes), and the thresholds its gate rules set, around which the default
 * band lies. The rules' thresholds are decided once per project type.
 */
public final class GateThresholdBounds implements ThresholdBounds {
    private final Supplier<ProjectConfig> config;
    private final DroolsGatePolicy rules;
    private final Map<ProjectType, Map<String, Double>> rulesThresholds = new ConcurrentHashMap<>();

    /**
     * @param config the project's configuration, read when first needed
     * @param rules  the gate rules whose thresholds learning starts from
     */
    public GateThresholdBounds(Supplier<ProjectConfig> config, DroolsGatePolicy rules) {
        this.config = config;
        this.rules = rules;
    }

    @Override
    public Optional<ThresholdBand> configured(ProjectType type, String metric) {
        return config.get().learningBand(metric);
    }

    @Override
    public OptionalDouble rulesThreshold(ProjectType type, String metric) {
        Double threshold = rulesThresholds.computeIfAbsent(type, rules::rulesThresholds).get(metric);
        return threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold);
    }
}
