package dev.pce.rules.learned;

import dev.pce.engine.Cancellation;
import dev.pce.engine.dependency.EstimateDecision;
import dev.pce.engine.dependency.PlanDecisions;
import dev.pce.engine.learning.PlanDecider;
import dev.pce.engine.learning.PatternOrigin;
import dev.pce.engine.model.TaskSpec;
import dev.pce.rules.dependency.Classification;
import dev.pce.rules.dependency.DroolsDependencyClassifier;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The rules' decisions on a plan: the dependency rules (with the learned ones in force) classify it, and their
 * estimate and review decisions come back with the learned version in force. A learned rule's reason gains what its
 * version's manifest knows and the DRL never holds: how many workflows taught it, and the project it was imported
 * from while this project has not confirmed it.
 */
public final class LearnedPlanDecider implements PlanDecider {
    private final DroolsDependencyClassifier classifier;
    private final LearnedRules learned;

    public LearnedPlanDecider(DroolsDependencyClassifier classifier, LearnedRules learned) {
        this.classifier = classifier;
        this.learned = learned;
    }

    @Override
    public boolean mayDecide() {
        return learned.hasLearned();
    }

    @Override
    public PlanDecisions decide(List<TaskSpec> tasks, Cancellation cancellation) {
        Classification classified = classifier.classifyWithNotes(tasks, cancellation);
        // read after classifying: the first plan after start waits there for the build that puts the version in force
        Optional<LearnedVersion> version = learned.versionInForce();
        List<EstimateDecision> estimates = classified.estimates().stream()
                .map(estimate -> withProvenance(estimate, version)).toList();
        return new PlanDecisions(classified.edges(), estimates, classified.reviews(),
                version.map(v -> OptionalInt.of(v.version())).orElse(OptionalInt.empty()));
    }

    private static EstimateDecision withProvenance(EstimateDecision estimate, Optional<LearnedVersion> version) {
        Optional<LearnedVersion.Entry> entry = version.flatMap(v -> v.rules().stream()
                .filter(rule -> ("learned:" + rule.pattern()).equals(estimate.rule())).findFirst());
        if (entry.isEmpty()) {
            return estimate;
        }
        PatternOrigin origin = entry.get().origin();
        String from = "; learned from " + entry.get().workflows().size() + " workflow(s)"
                + (origin.imported() && !origin.confirmed() ? ", imported from " + origin.project() : "");
        return new EstimateDecision(estimate.task(), estimate.factor(), estimate.confidence(),
                estimate.reason() + from, estimate.rule());
    }
}
