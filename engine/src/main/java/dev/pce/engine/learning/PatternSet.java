package dev.pce.engine.learning;

import dev.pce.engine.learning.Pattern.EscalationPreference;
import dev.pce.engine.learning.Pattern.EstimateBias;
import dev.pce.engine.learning.Pattern.GateThreshold;
import dev.pce.engine.learning.Pattern.ReviewRequirement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A workspace's learned patterns, one per key, immutable. Merging a workflow's patterns combines them with the
 * stored ones of the same key as a running combination of all samples; imported patterns fill keys this project
 * has not learned and count at lower confidence until a local pattern confirms them.
 */
public record PatternSet(List<Pattern> patterns) {
    /** Evidence kept per pattern: the most recent workflows, enough for the notes without growing forever. */
    public static final int MAX_EVIDENCE_WORKFLOWS = 20;

    public PatternSet {
        patterns = List.copyOf(patterns);
    }

    public static PatternSet empty() {
        return new PatternSet(List.of());
    }

    public Optional<Pattern> get(String key) {
        return patterns.stream().filter(pattern -> pattern.key().equals(key)).findFirst();
    }

    /** The estimate biases, for {@link EstimateCorrections}. */
    public List<EstimateBias> estimateBiases() {
        return patterns.stream().filter(EstimateBias.class::isInstance).map(EstimateBias.class::cast).toList();
    }

    public List<ReviewRequirement> reviewRequirements() {
        return patterns.stream().filter(ReviewRequirement.class::isInstance).map(ReviewRequirement.class::cast)
                .toList();
    }

    /**
     * These patterns with a workflow's own (local) patterns merged in: a new key is added, a known key combined
     * (samples add up, the value is the sample-weighted combination, confidence follows the total samples, an
     * imported pattern becomes confirmed).
     */
    public PatternSet mergeLocal(Collection<? extends Pattern> learned) {
        Map<String, Pattern> byKey = byKey();
        for (Pattern pattern : learned) {
            if (pattern.origin().imported()) {
                throw new IllegalArgumentException("pattern " + pattern.key() + " is imported; merge it with "
                        + "importFrom, so it counts at lower confidence until this project confirms it");
            }
            byKey.merge(pattern.key(), pattern, PatternSet::combine);
        }
        return new PatternSet(List.copyOf(byKey.values()));
    }

    /**
     * These patterns without what one workflow contributed to them ({@code contributed}: the patterns learned from
     * it, as merged then): the inverse of {@link #mergeLocal}, so that learning a workflow again replaces its
     * contribution instead of counting it twice. A pattern left without samples is dropped.
     */
    public PatternSet withdraw(Collection<? extends Pattern> contributed) {
        Map<String, Pattern> byKey = byKey();
        for (Pattern pattern : contributed) {
            Pattern stored = byKey.get(pattern.key());
            if (stored == null) {
                continue;
            }
            int samples = stored.samples() - pattern.samples();
            if (samples <= 0) {
                byKey.remove(pattern.key());
                continue;
            }
            double value = switch (stored) {
                case EstimateBias bias -> Math.exp((Math.log(bias.factor()) * stored.samples()
                        - Math.log(value(pattern)) * pattern.samples()) / samples);
                case ReviewRequirement requirement -> 0;
                case GateThreshold gate -> (gate.threshold() * stored.samples() - value(pattern) * pattern.samples())
                        / samples;
                case EscalationPreference preference -> Math.clamp((preference.approvedShare() * stored.samples()
                        - value(pattern) * pattern.samples()) / samples, 0.0, 1.0);
            };
            List<String> workflows = stored.workflows().stream().filter(id -> !pattern.workflows().contains(id))
                    .toList();
            byKey.put(pattern.key(), with(stored, value, samples, workflows, stored.origin()));
        }
        return new PatternSet(List.copyOf(byKey.values()));
    }

    /**
     * These patterns with another project's added where this project has none of the same key (its own evidence
     * wins); they are marked imported and unconfirmed, at {@link Confidence#IMPORTED_WEIGHT} of their confidence.
     */
    public PatternSet importFrom(Collection<? extends Pattern> imported) {
        Map<String, Pattern> byKey = byKey();
        for (Pattern pattern : imported) {
            PatternOrigin origin = new PatternOrigin(pattern.origin().project(), true, false);
            byKey.putIfAbsent(pattern.key(), with(pattern, value(pattern), pattern.samples(), pattern.workflows(),
                    origin));
        }
        return new PatternSet(List.copyOf(byKey.values()));
    }

    private Map<String, Pattern> byKey() {
        Map<String, Pattern> byKey = new TreeMap<>();
        patterns.forEach(pattern -> byKey.put(pattern.key(), pattern));
        return byKey;
    }

    /**
     * Contributions of one key, oldest first, combined as merging them one after the other would (samples add up,
     * values weighted by them, the most recent evidence); the origin stays the first's.
     */
    static Pattern combined(List<? extends Pattern> contributions) {
        Pattern first = contributions.getFirst();
        Pattern result = first;
        for (Pattern next : contributions.subList(1, contributions.size())) {
            result = combine(result, next);
        }
        return with(result, value(result), result.samples(), result.workflows(), first.origin());
    }

    /** A stored pattern and a newly learned local one of the same key (so of the same type). */
    static Pattern combine(Pattern stored, Pattern learned) {
        int samples = stored.samples() + learned.samples();
        double value = switch (learned) {
            // ratios combine multiplicatively: a weighted geometric mean keeps 0.5x and 2x symmetric
            case EstimateBias bias -> Math.exp((Math.log(value(stored)) * stored.samples()
                    + Math.log(bias.factor()) * bias.samples()) / samples);
            case ReviewRequirement requirement -> 0;
            case GateThreshold gate -> (value(stored) * stored.samples() + gate.threshold() * gate.samples())
                    / samples;
            // shares of decisions combine as the counts behind them do
            case EscalationPreference preference -> (value(stored) * stored.samples()
                    + preference.approvedShare() * preference.samples()) / samples;
        };
        PatternOrigin origin = stored.origin().imported()
                ? new PatternOrigin(stored.origin().project(), true, true)
                : learned.origin();
        return with(learned, value, samples, recentWorkflows(stored.workflows(), learned.workflows()), origin);
    }

    /**
     * The number a pattern carries: the factor of a bias, the threshold of a gate, the approved share of an
     * escalation preference; 0 for a review requirement.
     */
    private static double value(Pattern pattern) {
        return switch (pattern) {
            case EstimateBias bias -> bias.factor();
            case ReviewRequirement requirement -> 0;
            case GateThreshold gate -> gate.threshold();
            case EscalationPreference preference -> preference.approvedShare();
        };
    }

    /** {@code pattern} with another value, samples, evidence and origin; confidence follows from them. */
    private static Pattern with(Pattern pattern, double value, int samples, List<String> workflows,
                                PatternOrigin origin) {
        double confidence = Confidence.of(samples, origin);
        return switch (pattern) {
            case EstimateBias bias -> new EstimateBias(bias.kind(), value, samples, confidence, workflows, origin);
            case ReviewRequirement r -> new ReviewRequirement(r.kind(), r.pathPrefix(), r.dimension(), samples,
                    confidence, workflows, origin);
            case GateThreshold gate -> new GateThreshold(gate.projectType(), gate.dimension(), gate.metric(), value,
                    samples, confidence, workflows, origin);
            case EscalationPreference preference -> new EscalationPreference(preference.situation(), value, samples,
                    confidence, workflows, origin);
        };
    }

    private static List<String> recentWorkflows(List<String> older, List<String> newer) {
        LinkedHashSet<String> all = new LinkedHashSet<>(older);
        newer.forEach(id -> {
            all.remove(id); // a repeated id moves to the recent end
            all.add(id);
        });
        List<String> list = new ArrayList<>(all);
        return list.subList(Math.max(0, list.size() - MAX_EVIDENCE_WORKFLOWS), list.size());
    }
}
