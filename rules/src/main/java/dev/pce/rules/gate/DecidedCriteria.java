package dev.pce.rules.gate;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.gate.ProjectType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The criteria a gate session decided, checked and settled: one per name, an adjusted threshold in place of the
 * rule's, the requirements of its dimension attached, ordered by dimension, then name.
 */
final class DecidedCriteria {

    private DecidedCriteria() {
    }

    /**
     * @throws CeException {@code INTERNAL} when two rules set the same criterion or metric (their conditions must
     *                     exclude each other), or none set any; {@code INVALID_ARGUMENT} when an adjustment names a
     *                     metric no criterion judges or a threshold outside the metric's range
     */
    static List<Criterion> settle(List<Criterion> decided, List<Requirement> requirements,
                                  List<Adjustment> adjustments, ProjectType type) {
        Map<String, Criterion> byName = new LinkedHashMap<>();
        Map<String, Criterion> byMetric = new LinkedHashMap<>();
        for (Criterion criterion : sorted(decided.stream().filter(c -> !c.adjusted()).toList())) {
            rejectTwice(byName.put(criterion.name(), criterion), criterion, "criterion '" + criterion.name() + "'", type);
            rejectTwice(byMetric.put(criterion.metric(), criterion), criterion, "metric " + criterion.metric(), type);
        }
        if (byName.isEmpty()) {
            throw new CeException(ErrorCode.INTERNAL, "The gate rules set no criterion for a " + type.wireName()
                    + " project.", "This is a defect in " + GateRules.DRL + ": every project type needs criteria.");
        }
        for (Adjustment adjustment : adjustments) {
            check(adjustment, Optional.ofNullable(byMetric.get(adjustment.metric())), byMetric.keySet(), type);
        }
        List<Requirement> ordered = requirements.stream().sorted(Comparator.comparing(Requirement::rule)
                .thenComparing(Requirement::reason)).toList();
        List<Criterion> settled = new ArrayList<>();
        for (Criterion criterion : byName.values()) {
            Criterion chosen = decided.stream().filter(c -> c.adjusted() && c.name().equals(criterion.name()))
                    .findFirst().orElse(criterion);
            settled.add(chosen.requiredBy(ordered.stream()
                    .filter(requirement -> requirement.dimension() == criterion.dimension()).toList()));
        }
        return settled;
    }

    private static List<Criterion> sorted(List<Criterion> criteria) {
        return criteria.stream().sorted(Comparator.comparing(Criterion::dimension).thenComparing(Criterion::name)
                .thenComparing(Criterion::rule)).toList();
    }

    private static void rejectTwice(Criterion earlier, Criterion later, String what, ProjectType type) {
        if (earlier != null) {
            throw new CeException(ErrorCode.INTERNAL, "The gate rules '" + earlier.rule() + "' and '" + later.rule()
                    + "' both set the " + what + " for a " + type.wireName() + " project.",
                    "This is a defect in " + GateRules.DRL + ": make the two rules' conditions exclude each other,"
                            + " and add a gate scenario for " + type.wireName() + ".");
        }
    }

    private static void check(Adjustment adjustment, Optional<Criterion> target, Iterable<String> metrics,
                              ProjectType type) {
        if (target.isEmpty()) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "The threshold adjustment from " + adjustment.origin()
                    + " names the metric " + adjustment.metric() + ", which no criterion of a " + type.wireName()
                    + " project judges.", "Use one of the judged metrics: " + join(metrics)
                    + "; or correct or remove the adjustment at its origin.");
        }
        Unit unit = target.get().unit();
        if (!unit.allows(adjustment.threshold())) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "The threshold adjustment from " + adjustment.origin()
                    + " sets " + adjustment.metric() + " to " + adjustment.threshold() + ", outside its range ("
                    + unit.range() + ").", "Set a threshold of " + unit.range() + " at the adjustment's origin.");
        }
    }

    private static String join(Iterable<String> texts) {
        List<String> all = new ArrayList<>();
        texts.forEach(all::add);
        return all.stream().sorted().collect(Collectors.joining(", "));
    }
}
