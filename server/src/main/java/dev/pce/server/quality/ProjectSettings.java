package dev.pce.server.quality;

import dev.pce.engine.gate.DimensionRequirement;
import dev.pce.engine.gate.ProjectType;
import dev.pce.engine.gate.ThresholdAdjustment;
import dev.pce.engine.learning.SplitSuggestions;
import dev.pce.engine.pools.SizingPolicy;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.service.GateJudge;
import dev.pce.rules.config.Configured;
import dev.pce.rules.config.ProjectConfig;
import dev.pce.rules.gate.DroolsGatePolicy;
import dev.pce.rules.gate.ProjectTypeDetection;
import dev.pce.rules.gate.ProjectTypeDetector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a project sets for PCE, read from its configuration files ({@code .github/ce-config.yml},
 * {@code .ce/config.yml}) once, when first needed: the agents per pool, for the gates the project type (configured,
 * else detected from the build files) and the required dimensions, and the folder of a vault committed in the
 * repository. Thread-safe.
 */
public final class ProjectSettings {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectSettings.class);
    /** Agents per pool, e.g. {@code builders=4,reviewers=3}: wins, pool by pool, over the configuration files. */
    public static final String POOLS_VARIABLE = "CE_POOLS";

    private final Path root;
    private ProjectConfig config;
    private ProjectType type;

    private ProjectSettings(Path root) {
        this.root = root;
    }

    /** The settings of the project at {@code root}; nothing is read until asked for. */
    public static ProjectSettings of(Path root) {
        return new ProjectSettings(root);
    }

    /** The project's root directory, where its configuration and build files are. */
    public Path root() {
        return root;
    }

    /**
     * @throws dev.pce.engine.CeException {@code INVALID_ARGUMENT} naming the file, the key and what is allowed when a
     *                                    configuration file is not valid
     */
    public synchronized ProjectConfig config() {
        if (config == null) {
            config = ProjectConfig.read(root);
        }
        return config;
    }

    /**
     * The agents per pool: PCE's defaults, the configuration files' pools over them, and {@code CE_POOLS} of
     * {@code environment} over those, pool by pool.
     *
     * @throws dev.pce.engine.CeException {@code INVALID_ARGUMENT} for a bad file or a bad {@code CE_POOLS}
     */
    public PoolSlots poolSlots(Map<String, String> environment) {
        return PoolSlots.parse(environment.getOrDefault(POOLS_VARIABLE, ""), config().poolSlots());
    }

    /**
     * Whether plans are scheduled with the pool sizes recommended from history, and the budget: the configuration's
     * {@code pool_sizing}, else the default (recommend only, same total of agents).
     *
     * @throws dev.pce.engine.CeException {@code INVALID_ARGUMENT} for a bad configuration file
     */
    public SizingPolicy sizingPolicy() {
        return config().sizingPolicy();
    }

    /**
     * Which tasks ce_plan suggests splitting: those longer than the configuration's
     * {@code planning.session_minutes}, else two hours, and the risky ones.
     *
     * @throws dev.pce.engine.CeException {@code INVALID_ARGUMENT} for a bad configuration file
     */
    public SplitSuggestions splitSuggestions() {
        return new SplitSuggestions(config().sessionLength());
    }

    /** The project type for the gates: configured, else detected from the build files, on the first call. */
    public synchronized ProjectType projectType() {
        if (type == null) {
            ProjectTypeDetection detection = new ProjectTypeDetector().detect(root, config());
            LOG.info("Project type {}: {}", detection.type().wireName(), detection.reason());
            type = detection.type();
        }
        return type;
    }

    /**
     * The folder of the project's vault that the configuration names ({@code vault: docs/solutions}), in this
     * project's checkout; empty when it names none.
     */
    public Optional<Path> vaultFolder() {
        return config().vault().map(vault -> vault.value().in(root));
    }

    /** Whether the server writes the notes of insight events on its own: unless {@code capture.automatic: false}. */
    public boolean automaticCapture() {
        return config().automaticCapture().map(Configured::value).orElse(true);
    }

    /** The dimensions the configuration requires the gates to see measured. */
    public List<DimensionRequirement> requiredDimensions() {
        return config().requirements();
    }

    /** The thresholds the configuration fixes ({@code gates.thresholds}), as adjustments every gate applies. */
    public List<ThresholdAdjustment> thresholdAdjustments() {
        return config().thresholdAdjustments();
    }

    /**
     * A gate judge on the gate rules and this project's type, required dimensions and fixed thresholds, read when
     * first judged.
     */
    public GateJudge gateJudge() {
        return new GateJudge(new DroolsGatePolicy(), this::projectType, this::requiredDimensions,
                this::thresholdAdjustments);
    }
}
