package dev.pce.engine.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The built-in agent pools and which task kinds they run. A task may also name any other pool explicitly;
 * pools are just names that agents claim from.
 */
public final class Pools {
    public static final String PLANNERS = "planners";
    public static final String BUILDERS = "builders";
    public static final String REVIEWERS = "reviewers";

    public static final List<String> BUILT_IN = List.of(PLANNERS, BUILDERS, REVIEWERS);

    private static final Map<String, String> POOL_OF_KIND = kindTable();

    private Pools() {
    }

    private static Map<String, String> kindTable() {
        Map<String, String> table = new TreeMap<>();
        for (String kind : List.of("plan", "design", "research", "spec")) {
            table.put(kind, PLANNERS);
        }
        for (String kind : List.of("build", "implement", "code", "test", "fix", "refactor", "docs", "migrate",
                "config", "rework")) {
            table.put(kind, BUILDERS);
        }
        for (String kind : List.of("review", "verify", "audit", "security-review")) {
            table.put(kind, REVIEWERS);
        }
        return Map.copyOf(table);
    }

    /** The pool that runs tasks of this kind, if the kind is a known one. */
    public static Optional<String> poolForKind(String kind) {
        return Optional.ofNullable(POOL_OF_KIND.get(kind.toLowerCase(Locale.ROOT)));
    }

    /** The known kinds, sorted, for error messages. */
    public static List<String> knownKinds() {
        return POOL_OF_KIND.keySet().stream().sorted().toList();
    }
}
