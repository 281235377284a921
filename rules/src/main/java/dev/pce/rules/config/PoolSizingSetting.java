package dev.pce.rules.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.CeException;
import dev.pce.engine.pools.SizingPolicy;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.model.Ids;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@code pool_sizing} of a configuration file: whether new plans are scheduled with the pool sizes recommended
 * from history, and the budget of the recommendation. Keys not set keep {@link SizingPolicy#DEFAULT}'s values.
 *
 * <pre>
 * pool_sizing: {apply: true, extra_agents: 2, min_gain_per_agent: 0.05, max_agents_per_pool: 8}
 * </pre>
 */
final class PoolSizingSetting {
    static final String APPLY = "apply";
    static final String EXTRA_AGENTS = "extra_agents";
    static final String MIN_GAIN_PER_AGENT = "min_gain_per_agent";
    static final String MAX_AGENTS_PER_POOL = "max_agents_per_pool";
    private static final Set<String> KEYS = new TreeSet<>(Set.of(APPLY, EXTRA_AGENTS, MIN_GAIN_PER_AGENT,
            MAX_AGENTS_PER_POOL));

    private PoolSizingSetting() {
    }

    static Optional<Configured<SizingPolicy>> read(JsonNode value, Path path, String name) {
        if (ConfigFile.absent(value)) {
            return Optional.empty();
        }
        String key = ConfigFile.POOL_SIZING;
        if (!value.isObject()) {
            throw ConfigFile.invalid(path + ": " + key + " is '" + ConfigFile.shown(value) + "', not a mapping.",
                    "Write " + key + " in " + path + " as {" + APPLY + ": true}; its keys are " + KEYS + ".");
        }
        for (String field : (Iterable<String>) value::fieldNames) {
            if (!KEYS.contains(field)) {
                throw ConfigFile.invalid(path + ": unknown key '" + key + "." + Ids.clip(field) + "'; allowed: "
                        + KEYS + ".", "Correct or remove the key in " + path + " (see docs/user-guide.md, "
                        + "\"Configuration\").");
            }
        }
        SizingPolicy defaults = SizingPolicy.DEFAULT;
        JsonNode apply = value.get(APPLY);
        if (!ConfigFile.absent(apply) && !apply.isBoolean()) {
            throw ConfigFile.invalid(path + ": " + key + "." + APPLY + " is '" + ConfigFile.shown(apply)
                    + "'; allowed: true or false.", "Set " + key + "." + APPLY + " in " + path + " to true (plans"
                    + " are scheduled with the recommended pool sizes) or false (recommended only).");
        }
        try {
            return Optional.of(new Configured<>(new SizingPolicy(
                    !ConfigFile.absent(apply) && apply.asBoolean(),
                    whole(value.get(EXTRA_AGENTS), EXTRA_AGENTS, defaults.extraAgents(), path),
                    number(value.get(MIN_GAIN_PER_AGENT), defaults.minGainPerAgent(), path),
                    whole(value.get(MAX_AGENTS_PER_POOL), MAX_AGENTS_PER_POOL, defaults.maxAgentsPerPool(), path)),
                    name));
        } catch (CeException e) { // the policy names the value and the range; the file is said here
            throw ConfigFile.invalid(path + ": " + e.getMessage(), e.fix());
        }
    }

    private static int whole(JsonNode value, String field, int otherwise, Path path) {
        if (ConfigFile.absent(value)) {
            return otherwise;
        }
        if (!value.isIntegralNumber() || Math.abs(value.asLong()) > PoolSlots.MAX_SLOTS) {
            throw ConfigFile.invalid(path + ": " + ConfigFile.POOL_SIZING + "." + field + " is '"
                    + ConfigFile.shown(value) + "', which is not a whole number of agents.", "Set "
                    + ConfigFile.POOL_SIZING + "." + field + " in " + path + " to a whole number, e.g. 2.");
        }
        return value.asInt();
    }

    private static double number(JsonNode value, double otherwise, Path path) {
        if (ConfigFile.absent(value)) {
            return otherwise;
        }
        if (!value.isNumber()) {
            throw ConfigFile.invalid(path + ": " + ConfigFile.POOL_SIZING + "." + MIN_GAIN_PER_AGENT + " is '"
                    + ConfigFile.shown(value) + "', which is not a number.", "Set it in " + path + " to a share of"
                    + " the makespan, e.g. 0.05 for 5%.");
        }
        return value.asDouble();
    }
}
