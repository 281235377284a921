package dev.pce.rules.conflict;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.conflict.ConflictArbiter;
import dev.pce.engine.conflict.Contender;
import dev.pce.engine.conflict.QualityResolution;
import dev.pce.engine.conflict.QualitySituation;
import dev.pce.engine.conflict.ResourceContention;
import dev.pce.engine.conflict.ResourceResolution;
import dev.pce.engine.conflict.Review;
import dev.pce.engine.conflict.ReviewPanel;
import dev.pce.engine.conflict.RunningTask;
import dev.pce.engine.conflict.TimelineResolution;
import dev.pce.rules.CompiledDrl;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Decides conflicts with the Drools rules in {@code rules/conflicts.drl}. The DRL holds every decision and every
 * number a maintainer may want to change (the order of contenders, the weights of verdicts and findings, the
 * overrun factors); this class moves facts in and rulings out, and checks that the rules decided each thing exactly
 * once. Thread-safe: the compiled rules are shared and every call runs in its own session.
 */
public final class DroolsConflictArbiter implements ConflictArbiter {
    /** The prefix of the rules learning generated ({@code learned:escalation:<situation>}). */
    private static final String LEARNED_RULE_PREFIX = "learned:";

    private final CompiledDrl rules;
    private final Supplier<OptionalInt> learnedVersion;

    /** An arbiter on the process-wide compiled rules. */
    public DroolsConflictArbiter() {
        this(ConflictRules.shared());
    }

    /** An arbiter on other conflict rules, e.g. a maintainer's DRL under test; its package must be this one's. */
    public DroolsConflictArbiter(CompiledDrl rules) {
        this(rules, OptionalInt::empty);
    }

    /**
     * An arbiter on the process-wide compiled rules that names the learned rules version of a learned rule that
     * decides.
     *
     * @param learnedVersion the learned rules version the rule sets hold now (empty when none)
     */
    public DroolsConflictArbiter(Supplier<OptionalInt> learnedVersion) {
        this(ConflictRules.shared(), learnedVersion);
    }

    private DroolsConflictArbiter(CompiledDrl rules, Supplier<OptionalInt> learnedVersion) {
        this.rules = rules;
        this.learnedVersion = learnedVersion;
    }

    @Override
    public ResourceResolution resolveResource(ResourceContention contention) {
        return guarded(contention.contenders().stream().map(Contender::taskId).toList() + " contending for files",
                () -> {
                    List<Object> facts = fire(ConflictFacts.of(contention));
                    return ResourceOutcomes.settle(contention, ConflictFacts.overlaps(contention),
                            only(facts, ResourceRuling.class));
                });
    }

    @Override
    public QualityResolution resolveQuality(ReviewPanel panel) {
        return guarded("the reviews of " + panel.taskId(), () -> {
            List<Object> facts = fire(ConflictFacts.of(panel));
            QualityRuling ruling = RulingChecks.exactlyOne(only(facts, QualityRuling.class), QualityRuling::rule,
                    "what the reviews of " + panel.taskId() + " add up to");
            List<String> approvers = panel.reviews().stream().filter(review -> !review.verdict().objects())
                    .map(Review::reviewer).toList();
            List<String> objectors = panel.reviews().stream().filter(review -> review.verdict().objects())
                    .map(Review::reviewer).toList();
            return new QualityResolution(panel.taskId(), ruling.decision(), ruling.approval(), ruling.objection(),
                    approvers, objectors, ruling.rule(), ruling.reason(), QualitySituation.of(panel).signature(),
                    versionOf(ruling.rule()));
        });
    }

    @Override
    public TimelineResolution resolveTimeline(RunningTask task) {
        return guarded("the timeline of " + task.taskId(), () -> {
            List<Object> facts = fire(ConflictFacts.of(task));
            OverrunFactor factor = RulingChecks.exactlyOne(only(facts, OverrunFactor.class), OverrunFactor::rule,
                    "the overrun factor of " + task.taskId() + " (kind " + task.taskKind() + ")");
            TimelineRuling ruling = RulingChecks.exactlyOne(only(facts, TimelineRuling.class), TimelineRuling::rule,
                    "what the time of " + task.taskId() + " calls for");
            return new TimelineResolution(task.taskId(), ruling.decision(), task.estimateMinutes(),
                    task.elapsedMinutes(), factor.factor(), ruling.proposedEstimateMinutes(), ruling.suggestion(),
                    ruling.rule(), ruling.reason() + " (k = " + Rulings.number(factor.factor()) + " from rule '"
                    + factor.rule() + "': " + factor.reason() + ")");
        });
    }

    /** The learned rules version of a learned rule; none for a built-in or a project's own rule. */
    private Optional<Integer> versionOf(String rule) {
        if (!rule.startsWith(LEARNED_RULE_PREFIX)) {
            return Optional.empty();
        }
        OptionalInt version = learnedVersion.get();
        return version.isPresent() ? Optional.of(version.getAsInt()) : Optional.empty();
    }

    /** Runs a resolution, turning a failing rule into an error that names the DRL. */
    private static <T> T guarded(String what, Supplier<T> resolution) {
        try {
            return resolution.get();
        } catch (CeException e) {
            throw e;
        } catch (RuntimeException e) {
            // a rule's consequence threw: a defect in the DRL or its helpers, not in the request
            throw new CeException(ErrorCode.INTERNAL, "The conflict rules failed on " + what + ": " + e.getMessage(),
                    "This is a defect in " + ConflictRules.DRL + "; report it with the conflict that caused it.", e);
        }
    }

    /** Inserts the facts in order, fires the rules, and returns everything the session then holds. */
    private List<Object> fire(List<Object> facts) {
        KieSession session = rules.kieBase().newKieSession();
        try {
            facts.forEach(session::insert);
            session.fireAllRules();
            return new ArrayList<>(session.getObjects());
        } finally {
            session.dispose();
        }
    }

    private static <T> List<T> only(List<Object> facts, Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
