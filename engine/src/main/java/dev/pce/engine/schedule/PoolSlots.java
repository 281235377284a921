package dev.pce.engine.schedule;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.model.Ids;
import dev.pce.engine.model.Pools;

import java.util.Map;
import java.util.TreeMap;

/**
 * How many agents (slots) each pool runs at the same time. The built-in defaults are planners 1, builders 3,
 * reviewers 2; any other pool has {@link #CUSTOM_DEFAULT} slot unless configured.
 *
 * @param slots the configured pools and their slot counts (each at least 1)
 */
public record PoolSlots(Map<String, Integer> slots) {
    /** Slots of a pool nobody configured: one agent, so an unknown pool never overbooks. */
    public static final int CUSTOM_DEFAULT = 1;
    /** More agents than this in one pool is a typo, not a plan. */
    public static final int MAX_SLOTS = 10_000;

    public PoolSlots {
        slots = Map.copyOf(new TreeMap<>(slots));
        slots.forEach((pool, count) -> {
            if (count < 1 || count > MAX_SLOTS) {
                throw new IllegalArgumentException("pool " + pool + " has " + count + " slots");
            }
        });
    }

    /** Planners 1, builders 3, reviewers 2. */
    public static PoolSlots defaults() {
        return new PoolSlots(Map.of(Pools.PLANNERS, 1, Pools.BUILDERS, 3, Pools.REVIEWERS, 2));
    }

    /** Every task in one pool with {@code count} slots: the classic "P processors" setting of the benchmarks. */
    public static PoolSlots single(String pool, int count) {
        return defaults().with(pool, count);
    }

    /** The slots of {@code pool}: configured, else {@link #CUSTOM_DEFAULT}. */
    public int slotsOf(String pool) {
        return slots.getOrDefault(pool, CUSTOM_DEFAULT);
    }

    /** These slots with {@code pool} set to {@code count}. */
    public PoolSlots with(String pool, int count) {
        Map<String, Integer> copy = new TreeMap<>(slots);
        copy.put(pool, count);
        return new PoolSlots(copy);
    }

    /**
     * The defaults overridden by a spec such as {@code builders=4,reviewers=3} (a command line's {@code --pools}).
     * An empty spec gives the defaults.
     *
     * @throws CeException {@link ErrorCode#INVALID_ARGUMENT} naming the entry and what is wrong with it
     */
    public static PoolSlots parse(String spec) {
        return parse(spec, defaults());
    }

    /**
     * {@code base} overridden by a spec such as {@code builders=4,reviewers=3}, pool by pool: {@code CE_POOLS} over a
     * project's configured pools. An empty spec gives {@code base}.
     *
     * @throws CeException {@link ErrorCode#INVALID_ARGUMENT} naming the entry and what is wrong with it
     */
    public static PoolSlots parse(String spec, PoolSlots base) {
        PoolSlots result = base;
        if (spec.isBlank()) {
            return result;
        }
        String[] entries = spec.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            String where = "pool entry " + (i + 1) + " ('" + Ids.clip(entry) + "') of '" + Ids.clip(spec) + "'";
            int equals = entry.indexOf('=');
            if (equals <= 0 || equals == entry.length() - 1) {
                throw invalid(where + " is not of the form pool=slots.");
            }
            String pool = entry.substring(0, equals).strip();
            String count = entry.substring(equals + 1).strip();
            Ids.requirePool(pool, where);
            int slots;
            try {
                slots = Integer.parseInt(count);
            } catch (NumberFormatException e) {
                throw invalid(where + ": '" + Ids.clip(count) + "' is not a whole number.");
            }
            if (slots < 1 || slots > MAX_SLOTS) {
                throw invalid(where + ": " + slots + " slots is out of range 1.." + MAX_SLOTS + ".");
            }
            result = result.with(pool, slots);
        }
        return result;
    }

    private static CeException invalid(String message) {
        return new CeException(ErrorCode.INVALID_ARGUMENT, "Bad pool slots: " + message,
                "Write pools as name=slots separated by commas, each slots a whole number from 1 to " + MAX_SLOTS
                        + ", e.g. builders=4,reviewers=3.");
    }
}
