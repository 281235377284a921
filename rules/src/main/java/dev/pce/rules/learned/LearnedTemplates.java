package dev.pce.rules.learned;

import dev.pce.engine.PlainNumbers;
import dev.pce.engine.conflict.QualityDecision;
import dev.pce.engine.conflict.QualitySituation;
import dev.pce.engine.learning.Pattern;
import dev.pce.engine.learning.Pattern.EscalationPreference;
import dev.pce.engine.learning.Pattern.EstimateBias;
import dev.pce.engine.learning.Pattern.GateThreshold;
import dev.pce.engine.learning.Pattern.ReviewRequirement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rule templates, one per kind of {@link Pattern}, and how a pattern's fields fill their slots. Every value is
 * validated by {@link Slots} first; a pattern with any invalid value yields rejections and no DRL, the others their
 * rules.
 *
 * <ul>
 *   <li>{@link EstimateBias}: {@code estimate-bias}, a dependency rule noting the correction on tasks of the kind
 *   <li>{@link ReviewRequirement}: {@code review-requirement}, a dependency rule noting the review a task of the
 *   kind writing under the path needs
 *   <li>{@link GateThreshold}: {@code gate-threshold}, a gate rule for projects of the pattern's type inserting
 *   the adjustment the built-in rule {@code learned-threshold} applies
 *   <li>{@link EscalationPreference}: {@code escalation-preference}, a conflict rule deciding an escalated review of
 *   the pattern's situation the way persons did; a preference without a clear decision yet makes no rule (and is
 *   no rejection: persons keep deciding)
 * </ul>
 */
public final class LearnedTemplates {
    /** Where the built-in templates are on the class path. */
    public static final String DIRECTORY = "rules/learned/";
    static final String SUFFIX = ".drl.template";

    private final RuleTemplate estimateBias;
    private final RuleTemplate reviewRequirement;
    private final RuleTemplate gateThreshold;
    private final RuleTemplate escalationPreference;

    private LearnedTemplates(ClassLoader loader, String directory) {
        this.estimateBias = RuleTemplate.load(loader, directory + "estimate-bias" + SUFFIX);
        this.reviewRequirement = RuleTemplate.load(loader, directory + "review-requirement" + SUFFIX);
        this.gateThreshold = RuleTemplate.load(loader, directory + "gate-threshold" + SUFFIX);
        this.escalationPreference = RuleTemplate.load(loader, directory + "escalation-preference" + SUFFIX);
    }

    /** PCE's templates. */
    public static LearnedTemplates builtIn() {
        return fromClassPath(LearnedTemplates.class.getClassLoader(), DIRECTORY);
    }

    /** Templates from another class-path directory (tests use a broken set to see compilation reject it). */
    public static LearnedTemplates fromClassPath(ClassLoader loader, String directory) {
        return new LearnedTemplates(loader, directory);
    }

    /**
     * The rules of {@code patterns} (a later pattern with an earlier one's key replaces it): one per pattern whose
     * values all fit their slots, and the rejections of the others, which yield no DRL. One pattern's rejection
     * never keeps the others from becoming rules.
     */
    public Rendering render(List<Pattern> patterns) {
        Map<String, Pattern> byKey = new LinkedHashMap<>();
        patterns.forEach(pattern -> {
            byKey.remove(pattern.key());
            byKey.put(pattern.key(), pattern);
        });
        List<LearnedRule> rules = new ArrayList<>();
        List<SlotRejection> rejections = new ArrayList<>();
        for (Pattern pattern : byKey.values()) {
            if (pattern instanceof EscalationPreference preference && preference.decision().isEmpty()) {
                continue; // not decided often or clearly enough yet: escalations stay a person's
            }
            List<SlotRejection> invalid = validate(pattern);
            if (invalid.isEmpty()) {
                String fileName = String.format("%03d-%s.drl", rules.size() + 1, templateName(pattern));
                rules.add(new LearnedRule(pattern, fileName, templateOf(pattern).fill(slots(pattern))));
            }
            rejections.addAll(invalid);
        }
        return new Rendering(rules, rejections);
    }

    /** Every slot value of the pattern checked; the common ones (samples, confidence) too. */
    static List<SlotRejection> validate(Pattern pattern) {
        String key = pattern.key();
        List<Optional<SlotRejection>> checks = new ArrayList<>();
        checks.add(Slots.samples(key, pattern.samples()));
        checks.add(Slots.inRange(key, "confidence", pattern.confidence(), 0, 1));
        List<SlotRejection> rejections = new ArrayList<>();
        switch (pattern) {
            case EstimateBias bias -> {
                checks.add(Slots.kind(key, bias.kind()));
                checks.add(Slots.inRange(key, "factor", bias.factor(), Slots.FACTOR_MIN, Slots.FACTOR_MAX));
            }
            case ReviewRequirement review -> {
                checks.add(Slots.kind(key, review.kind()));
                checks.add(Slots.pathPrefix(key, review.pathPrefix()));
            }
            case GateThreshold gate -> rejections.addAll(Slots.gateMetric(key, gate.dimension(), gate.metric(),
                    gate.threshold()));
            case EscalationPreference preference -> {
                checks.add(Slots.situation(key, preference.situation()));
                checks.add(Slots.inRange(key, "approvedShare", preference.approvedShare(), 0, 1));
            }
        }
        checks.forEach(check -> check.ifPresent(rejections::add));
        return rejections;
    }

    /** The slot values of a validated pattern. */
    private static Map<String, String> slots(Pattern pattern) {
        Map<String, String> slots = new LinkedHashMap<>();
        slots.put("key", pattern.key());
        slots.put("samples", Integer.toString(pattern.samples()));
        // the factor and confidence are read by people in the rules' notes: two decimals say all they know
        slots.put("confidence", Slots.number(PlainNumbers.decimals(pattern.confidence(), 2)));
        switch (pattern) {
            case EstimateBias bias -> {
                slots.put("kind", bias.kind());
                slots.put("factor", Slots.number(PlainNumbers.decimals(bias.factor(), 2)));
                // the decision computes with the learned values to four figures (1.641, not 1.64); texts round more
                slots.put("factorValue", Slots.doubleLiteral(PlainNumbers.rounded(bias.factor(), 4)));
                slots.put("confidenceValue", Slots.doubleLiteral(PlainNumbers.rounded(pattern.confidence(), 4)));
            }
            case ReviewRequirement review -> {
                slots.put("kind", review.kind());
                slots.put("pathPrefix", review.pathPrefix());
                slots.put("dimension", review.dimension().wireName());
            }
            case GateThreshold gate -> {
                slots.put("projectType", gate.projectType().name());
                slots.put("metric", gate.metric());
                slots.put("threshold", Slots.doubleLiteral(gate.threshold()));
            }
            case EscalationPreference preference -> {
                QualityDecision decision = preference.decision().orElseThrow();
                slots.put("situation", preference.situation());
                slots.put("situationText", QualitySituation.describe(preference.situation()));
                slots.put("decision", decision.name());
                slots.put("decisionText", decision == QualityDecision.APPROVED ? "approved" : "changes required");
                slots.put("decided", Long.toString(preference.decided()));
            }
        }
        return slots;
    }

    private RuleTemplate templateOf(Pattern pattern) {
        return switch (pattern) {
            case EstimateBias bias -> estimateBias;
            case ReviewRequirement review -> reviewRequirement;
            case GateThreshold gate -> gateThreshold;
            case EscalationPreference preference -> escalationPreference;
        };
    }

    static String templateName(Pattern pattern) {
        return switch (pattern) {
            case EstimateBias bias -> "estimate-bias";
            case ReviewRequirement review -> "review-requirement";
            case GateThreshold gate -> "gate-threshold";
            case EscalationPreference preference -> "escalation-preference";
        };
    }

    /**
     * Patterns as rules: the rules of the valid patterns, and every slot value that kept another from becoming one.
     */
    public record Rendering(List<LearnedRule> rules, List<SlotRejection> rejections) {
        public Rendering {
            rules = List.copyOf(rules);
            rejections = List.copyOf(rejections);
        }
    }
}
