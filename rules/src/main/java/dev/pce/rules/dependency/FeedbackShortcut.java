package dev.pce.rules.dependency;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.EdgeClass;
import dev.pce.rules.SessionFacts;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The feedback edge the rule {@value #RULE} decides for a plain dependency of a review on a task that is none,
 * made in Java, where the compiled rules show that nothing else could tell the difference: the plain hard edge into
 * the review then stays out of the session like the plan's other plain edges ({@link UntypedShortcut}), and so does
 * the firing that made the feedback, a logical insertion each, 20,000 of them in a 100,000-task plan of features.
 *
 * <p>Only where the only rules that see a {@link ClassifiedEdge} are the built-in DRL's {@value #RULE} and
 * {@value RuleReach#SOFT} ({@link RuleReach#seesEdgesOnlyIntoReviews}: a plain dependency's hard edge is never
 * of a pair declared soft, so only {@value #RULE} could match it), and that rule, fired on sample facts, decides
 * exactly the edges {@link #edge} makes, and none for a review of a review. Otherwise every such edge goes into the
 * session as before. Kept apart from the classifier, which the server loads while it starts (see DecisionBudget).
 */
final class FeedbackShortcut {
    static final String RULE = RuleReach.FEEDBACK;
    /** The answer per compiled rule set: a rule set is checked once, when it first classifies. */
    private static final Map<KieBase, Boolean> CHECKED = Collections.synchronizedMap(new WeakHashMap<>());

    private FeedbackShortcut() {
    }

    /**
     * Whether the feedback for a plain dependency of a review may be made by {@link #edge} instead of by the rules of
     * {@code rules}.
     */
    static boolean applies(KieBase rules) {
        return CHECKED.computeIfAbsent(rules, base -> RuleReach.seesEdgesOnlyIntoReviews(base) && decidesAlike(base));
    }

    /** The feedback edge {@value #RULE} decides when review {@code reviewer} depends on {@code reviewed}. */
    static ClassifiedEdge edge(String reviewed, String reviewedPool, String reviewer) {
        return new ClassifiedEdge(reviewed, reviewer, EdgeClass.FEEDBACK, "'" + reviewer + "' reviews '" + reviewed
                + "'; a failed review sends rework to the " + reviewedPool + " pool", RULE, "");
    }

    /**
     * The rule, fired on a plain hard edge into a review from a task of another pool and from another review, decides
     * the first one's feedback word for word, and nothing else.
     */
    private static boolean decidesAlike(KieBase rules) {
        TaskFact review = new TaskFact("sample-review", 2, "review", "reviewers", true);
        TaskFact built = new TaskFact("sample-build/1", 0, "implement", "builders", false);
        TaskFact earlierReview = new TaskFact("sample-early-review", 1, "review", "reviewers", true);
        List<ClassifiedEdge> plain = List.of(
                UntypedShortcut.edge(new DeclaredDependency(built.id(), review.id(), DeclaredType.UNTYPED)),
                UntypedShortcut.edge(new DeclaredDependency(earlierReview.id(), review.id(), DeclaredType.UNTYPED)));
        KieSession session = rules.newKieSession();
        try {
            session.insert(review);
            session.insert(built);
            session.insert(earlierReview);
            plain.forEach(session::insert);
            session.fireAllRules(10);
            Set<ClassifiedEdge> decided = Set.copyOf(SessionFacts.ofType(session, ClassifiedEdge.class));
            return decided.size() == 3 && decided.containsAll(plain)
                    && decided.contains(edge(built.id(), built.pool(), review.id()));
        } finally {
            session.dispose();
        }
    }
}
