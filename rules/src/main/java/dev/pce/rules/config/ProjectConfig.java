package dev.pce.rules.config;

import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.DimensionRequirement;
import dev.pce.engine.gate.ProjectType;
import dev.pce.engine.gate.ThresholdAdjustment;
import dev.pce.engine.learning.SplitSuggestions;
import dev.pce.engine.learning.ThresholdBand;
import dev.pce.engine.pools.SizingPolicy;
import dev.pce.engine.schedule.PoolSlots;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a repository configures for PCE, from {@code .github/ce-config.yml} (for CI users) and {@code .ce/config.yml}.
 * Where both set a key, {@code .ce/config.yml} wins, key by key: {@code project_type}, each pool of {@code pools},
 * {@code gates.required} (a list is one value), each metric of {@code gates.thresholds} and of
 * {@code learning.thresholds}, each key of {@code monitoring}, {@code vault}, {@code capture.automatic} and
 * {@code planning.session_minutes}.
 *
 * <pre>
 * project_type: service        # library, service, cli or web; detected when not set
 * pools: {builders: 4}         # agents per pool; CE_POOLS, when set, wins per pool
 * gates: {required: [tests, coverage, security]}   # dimensions that block the gate when not measured
 * gates: {thresholds: {coverage.line: 75}}          # a threshold the maintainer fixes: wins over a learned one
 * learning: {thresholds: {coverage.line: {min: 60, max: 90}}}   # the band learned thresholds stay within
 * monitoring: {max_failure_rate: 0.2, alert_on_anomaly: true}   # when ce report --ci alerts
 * vault: docs/solutions        # the project's vault, committed in the repository; CE_VAULT, when set, wins
 * pool_sizing: {apply: true}   # schedule plans with the pool sizes recommended from history (one value)
 * capture: {automatic: false}  # PCE writes no insight notes on its own (it does by default)
 * planning: {session_minutes: 90}  # ce_plan suggests splitting tasks estimated longer (default 120)
 * </pre>
 *
 * @param projectType    the configured type; empty lets PCE detect it
 * @param pools          agents per configured pool
 * @param required       the dimensions the gates must see measured, on top of the rules' own; empty when not set
 * @param maxFailureRate the share of attempts that may fail or expire before {@code ce report --ci} alerts
 * @param alertOnAnomaly whether an anomaly flag makes {@code ce report --ci} alert
 * @param vault          the folder of the repository that is the project's vault; empty keeps it in the workspace
 * @param thresholds     per metric, the threshold the maintainer fixes for every gate ({@code gates.thresholds})
 * @param learningBounds per metric, the band a learned threshold stays within ({@code learning.thresholds})
 * @param poolSizing     whether plans use the pool sizes recommended from history, and within which budget; empty:
 *                       {@link SizingPolicy#DEFAULT} (recommended only)
 * @param automaticCapture whether the server writes the notes of insight events on its own; empty: it does
 * @param sessionMinutes how long one agent session works on a task ({@code planning.session_minutes}); empty:
 *                       {@link dev.pce.engine.learning.SplitSuggestions#DEFAULT_SESSION_MINUTES}
 */
public record ProjectConfig(Optional<Configured<ProjectType>> projectType, Map<String, Configured<Integer>> pools,
                            Optional<Configured<List<Dimension>>> required, Optional<Configured<Double>> maxFailureRate,
                            Optional<Configured<Boolean>> alertOnAnomaly,
                            Optional<Configured<RepositoryFolder>> vault, Map<String, Configured<Double>> thresholds,
                            Map<String, Configured<ThresholdBand>> learningBounds,
                            Optional<Configured<SizingPolicy>> poolSizing,
                            Optional<Configured<Boolean>> automaticCapture,
                            Optional<Configured<Double>> sessionMinutes) {
    public static final String CE_CONFIG = ".ce/config.yml";
    public static final String GITHUB_CONFIG = ".github/ce-config.yml";
    /** A repository that configures nothing. */
    public static final ProjectConfig NONE = new ProjectConfig(Optional.empty(), Map.of(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Map.of(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public ProjectConfig {
        pools = Map.copyOf(new TreeMap<>(pools));
        thresholds = Map.copyOf(thresholds);
        learningBounds = Map.copyOf(learningBounds);
    }

    /**
     * The repository's configuration: both files, {@code .ce/config.yml} winning key by key; {@link #NONE} when
     * neither exists. A file that does not exist is not read at all (nor is the YAML library loaded).
     *
     * @throws dev.pce.engine.CeException {@code INVALID_ARGUMENT} naming the file, the key and what is allowed when
     *                                    a file is not valid; {@code IO} when one cannot be read
     */
    public static ProjectConfig read(Path repository) {
        ProjectConfig github = ConfigFile.read(repository, GITHUB_CONFIG);
        return ConfigFile.read(repository, CE_CONFIG).over(github);
    }

    /** This configuration with {@code base}'s settings where this one sets none. */
    ProjectConfig over(ProjectConfig base) {
        return new ProjectConfig(projectType.or(base::projectType), overKeys(pools, base.pools),
                required.or(base::required), maxFailureRate.or(base::maxFailureRate),
                alertOnAnomaly.or(base::alertOnAnomaly), vault.or(base::vault), overKeys(thresholds, base.thresholds),
                overKeys(learningBounds, base.learningBounds), poolSizing.or(base::poolSizing),
                automaticCapture.or(base::automaticCapture), sessionMinutes.or(base::sessionMinutes));
    }

    private static <T> Map<String, T> overKeys(Map<String, T> over, Map<String, T> base) {
        Map<String, T> merged = new TreeMap<>(base);
        merged.putAll(over);
        return merged;
    }

    /**
     * The thresholds the maintainer fixed, as adjustments every gate applies: they win over a learned threshold
     * (a gate request's own adjustments come after them and win over them).
     */
    public List<ThresholdAdjustment> thresholdAdjustments() {
        return new TreeMap<>(thresholds).entrySet().stream().map(entry -> ThresholdAdjustment.of(entry.getKey(),
                entry.getValue().value(), entry.getValue().file() + " gates.thresholds")).toList();
    }

    /**
     * The band a learned threshold of {@code metric} stays within: a fixed threshold is a band of one value (nothing
     * learned moves it), else the configured bounds; empty when the configuration sets neither.
     */
    public Optional<ThresholdBand> learningBand(String metric) {
        Configured<Double> fixed = thresholds.get(metric);
        if (fixed != null) {
            return Optional.of(new ThresholdBand(fixed.value(), fixed.value(), fixed.file() + " gates.thresholds"));
        }
        return Optional.ofNullable(learningBounds.get(metric)).map(Configured::value);
    }

    /** PCE's default pools with the configured ones in their place. */
    public PoolSlots poolSlots() {
        PoolSlots slots = PoolSlots.defaults();
        for (Map.Entry<String, Configured<Integer>> pool : pools.entrySet()) {
            slots = slots.with(pool.getKey(), pool.getValue().value());
        }
        return slots;
    }

    /** The pool sizing policy: configured, else {@link SizingPolicy#DEFAULT}. */
    public SizingPolicy sizingPolicy() {
        return poolSizing.map(Configured::value).orElse(SizingPolicy.DEFAULT);
    }

    /** Minutes of one agent session: configured, else the default. */
    public double sessionLength() {
        return sessionMinutes.map(Configured::value).orElse(SplitSuggestions.DEFAULT_SESSION_MINUTES);
    }

    /** The required dimensions as the gate takes them, each naming its file. */
    public List<DimensionRequirement> requirements() {
        return required.map(configured -> configured.value().stream().map(dimension ->
                new DimensionRequirement(dimension, configured.file() + " gates.required")).toList()).orElse(List.of());
    }
}
