package dev.pce.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One planned task as the planner declared it. Immutable; the plan's order of tasks is kept and used as the
 * tie-breaker wherever several tasks are equally eligible.
 *
 * @param pool            the agent pool that runs it (derived from {@code kind} when the planner did not name one)
 * @param estimateMinutes the planner's estimate of the work, in minutes
 * @param reads           files or resources the task reads
 * @param writes          files or resources the task writes
 * @param dependsOn       ids of the tasks it depends on, in declared order
 * @param dependencyTypes the type the planner declared for some of {@code dependsOn} (a hint the dependency rules
 *                        may upgrade, never drop); a dependency without an entry is classified by the rules alone
 * @param produces        interfaces (APIs, schemas, contracts) the task produces
 * @param consumes        interfaces the task consumes
 */
public record TaskSpec(
        String id,
        String title,
        String kind,
        String pool,
        double estimateMinutes,
        List<String> reads,
        List<String> writes,
        List<String> dependsOn,
        String description,
        Map<String, EdgeClass> dependencyTypes,
        List<String> produces,
        List<String> consumes) {

    public TaskSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pool, "pool");
        reads = copy(reads);
        writes = copy(writes);
        dependsOn = copy(dependsOn);
        description = description == null ? "" : description;
        // plans stored before these fields existed read back as null
        dependencyTypes = dependencyTypes == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(dependencyTypes));
        produces = copy(produces);
        consumes = copy(consumes);
    }

    /** The same task in another pool. */
    public TaskSpec withPool(String newPool) {
        return new TaskSpec(id, title, kind, newPool, estimateMinutes, reads, writes, dependsOn, description,
                dependencyTypes, produces, consumes);
    }

    /** The same task with another estimate. */
    public TaskSpec withEstimate(double minutes) {
        return new TaskSpec(id, title, kind, pool, minutes, reads, writes, dependsOn, description, dependencyTypes,
                produces, consumes);
    }

    /** The same task, also waiting (hard) for {@code dependency}; unchanged when it already does. */
    public TaskSpec withDependency(String dependency) {
        if (dependsOn.contains(dependency)) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(dependsOn);
        all.add(dependency);
        return new TaskSpec(id, title, kind, pool, estimateMinutes, reads, writes, all, description, dependencyTypes,
                produces, consumes);
    }

    /** The same task waiting for {@code dependencies}, with the declared types among them. */
    public TaskSpec withDependencies(List<String> dependencies, Map<String, EdgeClass> types) {
        return new TaskSpec(id, title, kind, pool, estimateMinutes, reads, writes, dependencies, description, types,
                produces, consumes);
    }

    /** A builder for code and tests that set a few fields; the pool defaults to the kind's pool. */
    public static Builder builder(String id, String kind) {
        return new Builder(id, kind);
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** Builds a {@link TaskSpec}; every list starts empty. */
    public static final class Builder {
        private final String id;
        private final String kind;
        private String title;
        private String pool;
        private double estimateMinutes = 30;
        private final List<String> reads = new ArrayList<>();
        private final List<String> writes = new ArrayList<>();
        private final List<String> dependsOn = new ArrayList<>();
        private final Map<String, EdgeClass> dependencyTypes = new LinkedHashMap<>();
        private final List<String> produces = new ArrayList<>();
        private final List<String> consumes = new ArrayList<>();
        private String description = "";

        private Builder(String id, String kind) {
            this.id = id;
            this.kind = kind;
            this.title = id;
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder pool(String value) {
            pool = value;
            return this;
        }

        public Builder estimate(double minutes) {
            estimateMinutes = minutes;
            return this;
        }

        public Builder reads(String... paths) {
            reads.addAll(List.of(paths));
            return this;
        }

        public Builder writes(String... paths) {
            writes.addAll(List.of(paths));
            return this;
        }

        public Builder dependsOn(String... ids) {
            dependsOn.addAll(List.of(ids));
            return this;
        }

        /** Depends on {@code dependency}, declared as {@code type}. */
        public Builder dependsOn(String dependency, EdgeClass type) {
            dependsOn.add(dependency);
            dependencyTypes.put(dependency, type);
            return this;
        }

        public Builder produces(String... interfaces) {
            produces.addAll(List.of(interfaces));
            return this;
        }

        public Builder consumes(String... interfaces) {
            consumes.addAll(List.of(interfaces));
            return this;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public TaskSpec build() {
            String resolvedPool = pool != null ? pool : Pools.poolForKind(kind).orElse("");
            return new TaskSpec(id, title, kind, resolvedPool, estimateMinutes, reads, writes, dependsOn, description,
                    dependencyTypes, produces, consumes);
        }
    }
}
