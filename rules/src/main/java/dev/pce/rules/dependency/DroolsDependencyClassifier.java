package dev.pce.rules.dependency;

import dev.pce.engine.Cancellation;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.Limits;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.dependency.DependencyClassifier;
import dev.pce.engine.dependency.EstimateDecision;
import dev.pce.engine.dependency.ReviewDemand;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;
import dev.pce.rules.CompiledDrl;
import dev.pce.rules.SessionFacts;
import dev.pce.engine.dependency.PlanNote;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Classifies a plan's dependencies with the Drools rules in {@code rules/dependencies.drl}. Thread-safe: the
 * compiled rules are shared and every call runs in its own session. The phases are described at the top of the
 * DRL; this class only moves facts in and out and does the graph work (cycles, reachability).
 */
public final class DroolsDependencyClassifier implements DependencyClassifier {
    private static final int MAX_REPORTED = 20;
    /** Rule firings between two looks at a cancellation: a big plan fires hundreds of thousands. */
    private static final int FIRINGS_PER_CHECK = 10_000;

    private final CompiledDrl rules;

    /** A classifier on the process-wide compiled rules. */
    public DroolsDependencyClassifier() {
        this(DependencyRules.shared());
    }

    /** A classifier on other dependency rules, e.g. the built-in ones layered with a project's own. */
    public DroolsDependencyClassifier(CompiledDrl rules) {
        this.rules = rules;
    }

    @Override
    public List<ClassifiedEdge> classify(List<TaskSpec> tasks) {
        return classifyWithNotes(tasks).edges();
    }

    @Override
    public List<ClassifiedEdge> classify(List<TaskSpec> tasks, Cancellation cancellation) {
        return classify(tasks, cancellation, Limits.MAX_WORKFLOW_EDGES);
    }

    /** Refuses as soon as the relations would number more than {@code maxEdges}, before they are all built. */
    @Override
    public List<ClassifiedEdge> classify(List<TaskSpec> tasks, Cancellation cancellation, int maxEdges) {
        return classifyWithNotes(tasks, cancellation, maxEdges).edges();
    }

    /**
     * Classifies the plan's relations and also returns the rules' notes (remarks that are not errors) and the
     * estimates and reviews they decided.
     *
     * @param tasks a plan that passed structural validation (unique ids, known dependencies, no cycle)
     * @throws CeException {@link ErrorCode#INVALID_PLAN} naming both tasks of every conflicting declaration
     */
    public Classification classifyWithNotes(List<TaskSpec> tasks) {
        return classifyWithNotes(tasks, Cancellation.none(), Limits.MAX_WORKFLOW_EDGES);
    }

    /** As {@link #classifyWithNotes(List)}, stopping at a safe point when {@code cancellation} is cancelled. */
    public Classification classifyWithNotes(List<TaskSpec> tasks, Cancellation cancellation) {
        return classifyWithNotes(tasks, cancellation, Limits.MAX_WORKFLOW_EDGES);
    }

    private Classification classifyWithNotes(List<TaskSpec> tasks, Cancellation cancellation, int maxEdges) {
        try {
            return run(tasks, cancellation, maxEdges);
        } catch (CeException | Cancellation.Cancelled e) {
            throw e;
        } catch (RuntimeException e) {
            // a rule's consequence threw: a defect in the DRL or its helpers, not in the plan
            throw new CeException(ErrorCode.INTERNAL, "The dependency rules failed: " + e.getMessage(),
                    "This is a defect in PCE's rules; report it with the plan that caused it.", e);
        }
    }

    private Classification run(List<TaskSpec> tasks, Cancellation cancellation, int maxEdges) {
        TaskIndex index = new TaskIndex(tasks);
        PlanFacts facts = PlanFacts.of(index, tasks);
        PositionEdges declared = facts.declared();
        rejectCycle(index, declared, edge -> declaredEdge(index, declared, edge), "Its depends_on form a cycle");
        cancellation.check();
        KieBase kieBase = rules.kieBase();
        boolean writtenPathsSeen = RuleReach.seesWrittenPaths(kieBase);
        boolean untypedShortcut = UntypedShortcut.applies(kieBase);
        boolean edgesSeenOnlyIntoReviews = untypedShortcut && RuleReach.seesEdgesOnlyIntoReviews(kieBase);
        boolean feedbackShortcut = edgesSeenOnlyIntoReviews && FeedbackShortcut.applies(kieBase);
        List<ClassifiedEdge> plainlyHard = new ArrayList<>();
        // decisions no rule could see (a plain dependency's edge into a task that is no review, or into a review
        // with its feedback made here): never in the session
        List<ClassifiedEdge> aside = new ArrayList<>();
        KieSession session = kieBase.newKieSession();
        try {
            for (Object fact : facts.all()) {
                if (untypedShortcut && fact instanceof DeclaredDependency dependency
                        && dependency.type() == DeclaredType.UNTYPED) {
                    ClassifiedEdge edge = UntypedShortcut.edge(dependency); // the decision its one rule would take
                    int to = index.position(dependency.to());
                    boolean intoReview = edgesSeenOnlyIntoReviews && facts.isReview(to);
                    boolean seen = !edgesSeenOnlyIntoReviews || (intoReview && !feedbackShortcut);
                    (seen ? plainlyHard : aside).add(edge);
                    int from = index.position(dependency.from());
                    if (intoReview && feedbackShortcut && !facts.isReview(from)) {
                        aside.add(FeedbackShortcut.edge(dependency.from(), tasks.get(from).pool(), dependency.to()));
                    }
                } else if (writtenPathsSeen
                        || !(fact instanceof PathWithin within && within.mode() == AccessMode.WRITE)) {
                    // a fact no rule could match changes nothing but the time and memory the session takes
                    session.insert(fact);
                }
            }
            // watching from here: the plan's facts are no decisions, and a listener costs an event per insert
            DecisionBudget budget = DecisionBudget.watch(session, maxEdges, aside.size());
            plainlyHard.forEach(session::insert);
            session.insert(OrderGraph.of(OrderGraph.Stage.DECLARED, index, declared));
            fireAll(session, cancellation, budget);
            rejectProblems(index, session);

            // in the output's order, not the session's (which varies from run to run): a cycle is reported alike
            EdgeSet.Positioned ordering = EdgeSet.positioned(index,
                    decisions(session, aside).stream().filter(e -> e.edgeClass().orders()).toList());
            PositionEdges ordered = ordering.positions();
            checkNoneDropped(index, declared, ordered);
            rejectCycle(index, ordered, ordering.edges()::get, "The dependency rules ordered its tasks in a cycle");
            OrderGraph decided = OrderGraph.of(OrderGraph.Stage.DECIDED, index, ordered);
            session.insert(decided);
            SharedWrites.find(facts.all(), decided, maxEdges).forEach(session::insert);
            fireAll(session, cancellation, budget);

            List<PlanNote> notes = new ArrayList<>(SessionFacts.ofType(session, PlanNote.class));
            notes.sort(Comparator.comparingInt((PlanNote note) -> index.position(note.task()))
                    .thenComparing(PlanNote::text));
            List<EstimateDecision> estimates = new ArrayList<>(SessionFacts.ofType(session, EstimateDecision.class));
            estimates.sort(Comparator.comparingInt((EstimateDecision e) -> index.position(e.task()))
                    .thenComparing(EstimateDecision::rule));
            List<ReviewDemand> reviews = new ArrayList<>(SessionFacts.ofType(session, ReviewDemand.class));
            reviews.sort(Comparator.comparingInt((ReviewDemand r) -> index.position(r.task()))
                    .thenComparing(ReviewDemand::dimension).thenComparing(ReviewDemand::rule));
            return new Classification(EdgeSet.of(index, decisions(session, aside)), notes, estimates, reviews);
        } finally {
            session.dispose();
        }
    }

    /**
     * Fires every rule, as fireAllRules does, looking at the cancellation every so many firings, and refusing the plan
     * once the rules decided more relations than it may hold. A bounded call may fire more than its bound (Drools
     * fires a rule's whole batch of matches), so only fewer means that nothing is left to fire.
     */
    private static void fireAll(KieSession session, Cancellation cancellation, DecisionBudget budget) {
        while (session.fireAllRules(FIRINGS_PER_CHECK) >= FIRINGS_PER_CHECK) {
            cancellation.check();
            budget.check();
        }
        cancellation.check();
        budget.check();
    }

    /** The session's decisions and those decided aside, in no particular order (EdgeSet sorts them). */
    /**
     * The session's edges and those decided aside. A feedback decided aside may have been decided in the session
     * too, from another edge between the same tasks: the session holds one of equal decisions, so does this.
     */
    private static List<ClassifiedEdge> decisions(KieSession session, List<ClassifiedEdge> aside) {
        List<ClassifiedEdge> inSession = SessionFacts.ofType(session, ClassifiedEdge.class);
        Set<ClassifiedEdge> feedbackInSession = inSession.stream()
                .filter(edge -> edge.edgeClass() == EdgeClass.FEEDBACK).collect(Collectors.toSet());
        List<ClassifiedEdge> all = new ArrayList<>(inSession.size() + aside.size());
        all.addAll(inSession);
        for (ClassifiedEdge edge : aside) {
            if (edge.edgeClass() != EdgeClass.FEEDBACK || !feedbackInSession.contains(edge)) {
                all.add(edge);
            }
        }
        return all;
    }

    /** A declared dependency as an edge, to name it in a cycle. */
    private static ClassifiedEdge declaredEdge(TaskIndex index, PositionEdges declared, int edge) {
        String from = index.id(declared.from(edge));
        String to = index.id(declared.to(edge));
        return new ClassifiedEdge(from, to, EdgeClass.HARD, "'" + to + "' depends on '" + from + "'", "depends_on", "");
    }

    /** @param edge the edge by its number among {@code edges}, with its rule and reason, for the message */
    private static void rejectCycle(TaskIndex index, PositionEdges edges, IntFunction<ClassifiedEdge> edge,
                                    String what) {
        Optional<List<Integer>> cycle = Cycles.find(index.size(), edges);
        if (cycle.isPresent()) {
            String path = cycle.get().stream().map(edge::apply)
                    .map(e -> e.from() + " -> " + e.to() + " (" + e.rule() + ": " + e.reason() + ")")
                    .collect(Collectors.joining("; "));
            throw new CeException(ErrorCode.INVALID_PLAN, "Plan rejected: " + what + ": " + path + ".",
                    "Break the cycle: remove one of these depends_on entries, or change what the tasks produce,"
                            + " consume, read or write so that one of these edges no longer holds.");
        }
    }

    /** Never drop a declared dependency: a rule set that loses one is a defect, not a plan problem. */
    private static void checkNoneDropped(TaskIndex index, PositionEdges declared, PositionEdges ordering) {
        long[] ordered = new long[ordering.size()];
        for (int e = 0; e < ordered.length; e++) {
            ordered[e] = ordering.pair(e);
        }
        Arrays.sort(ordered);
        for (int e = 0; e < declared.size(); e++) {
            if (Arrays.binarySearch(ordered, declared.pair(e)) < 0) {
                String from = index.id(declared.from(e));
                String to = index.id(declared.to(e));
                throw new CeException(ErrorCode.INTERNAL, "The dependency rules dropped the declared dependency of '"
                        + to + "' on '" + from + "'.",
                        "This is a defect in " + DependencyRules.DRL + ": every declared dependency must end as a"
                                + " hard or soft edge. Add a scenario for it and correct the rules.");
            }
        }
    }

    private static void rejectProblems(TaskIndex index, KieSession session) {
        List<PlanProblem> problems = new ArrayList<>(SessionFacts.ofType(session, PlanProblem.class));
        if (problems.isEmpty()) {
            return;
        }
        problems.sort(Comparator.comparingInt((PlanProblem p) -> index.position(p.first()))
                .thenComparingInt(p -> index.position(p.second())).thenComparing(PlanProblem::rule)
                .thenComparing(PlanProblem::message));
        if (problems.size() == 1) {
            PlanProblem only = problems.get(0);
            throw new CeException(ErrorCode.INVALID_PLAN, "Plan rejected: " + only.message() + ".", only.fix());
        }
        StringBuilder message = new StringBuilder("Plan rejected: " + problems.size() + " conflicting declarations:");
        StringBuilder fix = new StringBuilder();
        int shown = Math.min(problems.size(), MAX_REPORTED);
        for (int i = 0; i < shown; i++) {
            message.append(' ').append(i + 1).append(") ").append(problems.get(i).message()).append(';');
            fix.append(i == 0 ? "" : " ").append(i + 1).append(") ").append(problems.get(i).fix());
        }
        if (problems.size() > shown) {
            message.append(" and ").append(problems.size() - shown).append(" more;");
        }
        message.setCharAt(message.length() - 1, '.');
        throw new CeException(ErrorCode.INVALID_PLAN, message.toString(), fix.toString());
    }
}
