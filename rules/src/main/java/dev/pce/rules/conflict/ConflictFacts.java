package dev.pce.rules.conflict;

import dev.pce.engine.conflict.Contender;
import dev.pce.engine.conflict.FileOverlap;
import dev.pce.engine.conflict.QualitySituation;
import dev.pce.engine.conflict.ResourceContention;
import dev.pce.engine.conflict.Review;
import dev.pce.engine.conflict.ReviewFinding;
import dev.pce.engine.conflict.ReviewPanel;
import dev.pce.engine.conflict.ReviewVerdict;
import dev.pce.engine.conflict.RunningTask;
import dev.pce.engine.gate.Dimension;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The facts the conflict rules read, for each kind of conflict. Order is stable, so rules fire reproducibly. */
final class ConflictFacts {

    private ConflictFacts() {
    }

    /** The contenders, then an {@link Overlap} each way for every pair that writes a file in common. */
    static List<Object> of(ResourceContention contention) {
        List<Object> facts = new ArrayList<>(contention.contenders());
        facts.addAll(overlaps(contention));
        return facts;
    }

    /** Both directions of every overlapping pair, in the contention's order. */
    static List<Overlap> overlaps(ResourceContention contention) {
        List<Overlap> overlaps = new ArrayList<>();
        List<Contender> contenders = contention.contenders();
        for (Contender a : contenders) {
            for (Contender b : contenders) {
                if (a != b) {
                    List<String> shared = FileOverlap.shared(a.writes(), b.writes());
                    if (!shared.isEmpty()) {
                        overlaps.add(new Overlap(a.taskId(), b.taskId(), shared));
                    }
                }
            }
        }
        return overlaps;
    }

    /**
     * The overall {@link Tally}, a {@link DimensionTally} for every dimension some reviewer judged or some open
     * finding concerns, every {@link DimensionVerdict}, every unresolved finding as an {@link OpenFinding}, and the
     * panel's {@link QualitySituation} (for learned escalation preferences).
     */
    static List<Object> of(ReviewPanel panel) {
        Tally.Counter overall = new Tally.Counter();
        Map<Dimension, Tally.Counter> byDimension = new EnumMap<>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            byDimension.put(dimension, new Tally.Counter());
        }
        List<Object> details = new ArrayList<>();
        for (Review review : panel.reviews()) {
            overall.verdict(review.reviewer(), review.verdict());
            for (Map.Entry<Dimension, ReviewVerdict> judged : review.dimensions().entrySet()) {
                byDimension.get(judged.getKey()).verdict(review.reviewer(), judged.getValue());
                details.add(new DimensionVerdict(review.reviewer(), judged.getKey(), judged.getValue()));
            }
            for (ReviewFinding finding : review.findings()) {
                if (!finding.resolved()) {
                    overall.finding(finding.severity());
                    byDimension.get(finding.dimension()).finding(finding.severity());
                    details.add(OpenFinding.of(review.reviewer(), finding));
                }
            }
        }
        List<Object> facts = new ArrayList<>();
        facts.add(overall.tally());
        byDimension.forEach((dimension, counter) -> {
            if (!counter.isEmpty()) {
                facts.add(new DimensionTally(dimension, counter.tally()));
            }
        });
        facts.addAll(details);
        facts.add(QualitySituation.of(panel));
        return facts;
    }

    /** The task, and the factor its caller set, if any. */
    static List<Object> of(RunningTask task) {
        List<Object> facts = new ArrayList<>();
        facts.add(task);
        task.overrunFactor().ifPresent(k -> facts.add(new GivenFactor(k)));
        return facts;
    }
}
