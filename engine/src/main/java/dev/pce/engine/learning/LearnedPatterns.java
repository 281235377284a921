package dev.pce.engine.learning;

import dev.pce.engine.gate.Comparison;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Metrics;
import dev.pce.engine.learning.LearningReport.EscalationDecisions;
import dev.pce.engine.learning.LearningReport.EstimateAccuracy;
import dev.pce.engine.learning.LearningReport.ReworkLoop;
import dev.pce.engine.learning.LearningReport.ReworkTrigger;
import dev.pce.engine.learning.LearningReport.ThresholdOutcome;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The patterns one workflow's report supports, by fixed thresholds (see docs/learning.md):
 * <ul>
 *   <li>{@link Pattern.EstimateBias} for a kind with at least {@link #MIN_ESTIMATE_SAMPLES} successful attempts
 *       whose median actual/estimated ratio lies outside [{@link #UNBIASED_LOW}, {@link #UNBIASED_HIGH}];</li>
 *   <li>{@link Pattern.ReviewRequirement} for a kind whose tasks writing under one directory were sent back by
 *       review on one dimension at least {@link #MIN_REVIEW_REWORK} times;</li>
 *   <li>{@link Pattern.GateThreshold} per project type and metric: at least {@link #MIN_TROUBLED_PASSES} passes
 *       that rework or failures on the metric's dimension followed tighten the threshold in force by a step; at
 *       least {@link #MIN_CLEAN_PASSES} passes that nothing followed, and none that trouble did, relax it by a step;
 *       either way within the band ({@link ThresholdBounds});</li>
 *   <li>{@link Pattern.EscalationPreference} per situation of an escalated review conflict a person decided.</li>
 * </ul>
 */
public final class LearnedPatterns {
    public static final int MIN_ESTIMATE_SAMPLES = 3;
    public static final double UNBIASED_LOW = 0.9;
    public static final double UNBIASED_HIGH = 1.1;
    public static final int MIN_REVIEW_REWORK = 2;
    /** Passes followed by trouble on their dimension that tighten a threshold. */
    public static final int MIN_TROUBLED_PASSES = 2;
    /** Passes followed by no trouble that relax a threshold (when none was). */
    public static final int MIN_CLEAN_PASSES = 5;
    /** The step a learned threshold moves by: five points of a percentage, one of a count. */
    public static final double PERCENT_STEP = 5;
    public static final double COUNT_STEP = 1;

    private LearnedPatterns() {
    }

    /** The patterns of {@code report}, learned in {@code project}: estimate biases first, by key. */
    public static List<Pattern> from(LearningReport report, String project) {
        return from(report, project, PatternSet.empty());
    }

    /**
     * The patterns of {@code report} as evidence for {@code known}: a kind that already has an estimate bias also
     * reports an unbiased median, so the running combination can shrink the bias again (were only biased medians
     * reported, the stored factor would drift away from 1 by selection alone).
     */
    public static List<Pattern> from(LearningReport report, String project, PatternSet known) {
        return from(report, project, known, ThresholdBounds.NONE);
    }

    /** As {@link #from(LearningReport, String, PatternSet)}, learned thresholds held within {@code bounds}. */
    public static List<Pattern> from(LearningReport report, String project, PatternSet known,
                                     ThresholdBounds bounds) {
        PatternOrigin origin = PatternOrigin.local(project);
        List<Pattern> patterns = new ArrayList<>(estimateBiases(report, origin, known));
        patterns.addAll(reviewRequirements(report, origin));
        patterns.addAll(gateThresholds(report, origin, bounds));
        patterns.addAll(escalationPreferences(report, origin));
        return patterns;
    }

    /**
     * A threshold moves only on evidence of what followed its passes: tightening because a criterion failed would
     * be circular (it failed because of the threshold), so only passes count, and trouble after them.
     */
    private static List<Pattern> gateThresholds(LearningReport report, PatternOrigin origin,
                                                ThresholdBounds bounds) {
        List<Pattern> patterns = new ArrayList<>();
        for (ThresholdOutcome outcome : report.thresholds()) {
            int direction;
            if (outcome.troubled() >= MIN_TROUBLED_PASSES) {
                direction = 1; // stricter
            } else if (outcome.troubled() == 0 && outcome.passes() >= MIN_CLEAN_PASSES) {
                direction = -1; // laxer
            } else {
                continue;
            }
            double step = (Metrics.isPercentage(outcome.metric()) ? PERCENT_STEP : COUNT_STEP)
                    * (outcome.comparison() == Comparison.AT_LEAST ? 1 : -1) * direction;
            ThresholdBand band = bounds.band(outcome.projectType(), outcome.metric(),
                    outcome.rulesThreshold().orElse(outcome.threshold()));
            double threshold = Math.max(0, band.clamp(outcome.threshold() + step));
            patterns.add(new Pattern.GateThreshold(outcome.projectType(), outcome.dimension(), outcome.metric(),
                    threshold, outcome.passes(), Confidence.of(outcome.passes()), List.of(report.workflowId()),
                    origin));
        }
        return patterns;
    }

    private static List<Pattern> escalationPreferences(LearningReport report, PatternOrigin origin) {
        List<Pattern> patterns = new ArrayList<>();
        for (EscalationDecisions decisions : report.escalations()) {
            int samples = decisions.approved() + decisions.changesRequired();
            if (samples > 0) {
                patterns.add(new Pattern.EscalationPreference(decisions.situation(),
                        (double) decisions.approved() / samples, samples, Confidence.of(samples),
                        List.of(report.workflowId()), origin));
            }
        }
        return patterns;
    }

    private static List<Pattern> estimateBiases(LearningReport report, PatternOrigin origin, PatternSet known) {
        // pools of one kind are pooled: the pattern corrects the kind's estimates wherever it runs
        Map<String, List<Double>> ratiosByKind = new TreeMap<>();
        for (EstimateAccuracy accuracy : report.estimates()) {
            ratiosByKind.computeIfAbsent(accuracy.kind(), kind -> new ArrayList<>()).addAll(accuracy.ratios());
        }
        List<Pattern> patterns = new ArrayList<>();
        ratiosByKind.forEach((kind, ratios) -> {
            RatioStats stats = RatioStats.of(ratios);
            boolean biased = stats.median() < UNBIASED_LOW || stats.median() > UNBIASED_HIGH;
            boolean tracked = known.get("estimate:" + kind).isPresent();
            if (stats.count() >= MIN_ESTIMATE_SAMPLES && (biased || tracked)) {
                patterns.add(new Pattern.EstimateBias(kind, stats.median(), stats.count(),
                        Confidence.of(stats.count()), List.of(report.workflowId()), origin));
            }
        });
        return patterns;
    }

    private record ReviewKey(String kind, String pathPrefix, Dimension dimension) {
    }

    private static List<Pattern> reviewRequirements(LearningReport report, PatternOrigin origin) {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, ReviewKey> keys = new TreeMap<>();
        for (ReworkLoop loop : report.rework()) {
            if (loop.trigger() != ReworkTrigger.REVIEW) {
                continue;
            }
            for (String prefix : directories(loop.writes())) {
                for (Dimension dimension : loop.dimensions()) {
                    ReviewKey key = new ReviewKey(loop.kind(), prefix, dimension);
                    String sortKey = key.kind() + "\u0000" + prefix + "\u0000" + dimension.ordinal();
                    keys.putIfAbsent(sortKey, key);
                    counts.computeIfAbsent(sortKey, k -> new int[1])[0]++;
                }
            }
        }
        List<Pattern> patterns = new ArrayList<>();
        keys.forEach((sortKey, key) -> {
            int samples = counts.get(sortKey)[0];
            if (samples >= MIN_REVIEW_REWORK) {
                patterns.add(new Pattern.ReviewRequirement(key.kind(), key.pathPrefix(), key.dimension(), samples,
                        Confidence.of(samples), List.of(report.workflowId()), origin));
            }
        });
        return patterns;
    }

    /**
     * The directories (with a trailing '/') of the written files, without duplicates: "db/migrations/001.sql"
     * gives "db/migrations/"; a file at the top gives "" (anywhere).
     */
    static Set<String> directories(List<String> writes) {
        Set<String> directories = new LinkedHashSet<>();
        for (String path : writes) {
            String normalized = path.replace('\\', '/');
            int slash = normalized.lastIndexOf('/');
            directories.add(slash < 0 ? "" : normalized.substring(0, slash + 1));
        }
        return directories;
    }
}
