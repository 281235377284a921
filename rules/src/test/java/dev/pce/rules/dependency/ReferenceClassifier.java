package dev.pce.rules.dependency;

import dev.pce.engine.Cancellation;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.conflict.FileOverlap;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.dependency.EstimateDecision;
import dev.pce.engine.dependency.PlanNote;
import dev.pce.engine.dependency.ReviewDemand;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.Pools;
import dev.pce.engine.model.TaskSpec;
import dev.pce.rules.SessionFacts;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.conf.ConstraintJittingThresholdOption;
import org.kie.internal.io.ResourceFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The classification path as it was before it was made faster for 100,000-task plans (issue 19): every fact of the
 * plan into one session, positions looked up edge by edge, cycles and the output built from the edges' ids, and the
 * rules of {@value #DRL} (the built-in DRL as it was). Kept, frozen, only as the reference that
 * {@link ClassificationEquivalenceTest} compares the classifier with.
 */
final class ReferenceClassifier {
    private static final int MAX_REPORTED = 20;
    private static final int FIRINGS_PER_CHECK = 10_000;
    private static final Comparator<ClassifiedEdge> PREFERRED = Comparator.comparing(ClassifiedEdge::rule)
            .thenComparing(ClassifiedEdge::resource).thenComparing(ClassifiedEdge::reason);


    /** The dependency rules as they were, compiled as they were (interpreted, enum constraints, no alpha hashing). */
    static final String DRL = "reference/dependencies-before-issue-19.drl";

    private final KieBase rules;

    ReferenceClassifier() {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(ResourceFactory.newClassPathResource(DRL, ReferenceClassifier.class.getClassLoader()),
                ResourceType.DRL);
        if (builder.hasErrors()) {
            throw new IllegalStateException(DRL + " does not compile: " + builder.getErrors());
        }
        KieBaseConfiguration configuration = RuleBaseFactory.newKnowledgeBaseConfiguration();
        configuration.setOption(ConstraintJittingThresholdOption.get(-1));
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase(configuration);
        base.addPackages(builder.getKnowledgePackages());
        this.rules = base;
    }

    Classification classify(List<TaskSpec> tasks, Cancellation cancellation, int maxEdges) {
        TaskIndex index = new TaskIndex(tasks);
        List<Object> facts = facts(index, tasks);
        List<ClassifiedEdge> declared = declaredEdges(facts);
        rejectCycle(index, declared, "Its depends_on form a cycle");
        cancellation.check();
        KieSession session = rules.newKieSession();
        DecisionBudget budget = DecisionBudget.watch(session, maxEdges);
        try {
            facts.forEach(session::insert);
            session.insert(OrderGraph.of(OrderGraph.Stage.DECLARED, index, positions(index, declared)));
            fireAll(session, cancellation, budget);
            rejectProblems(index, session);

            List<ClassifiedEdge> ordering = decisions(session).stream().filter(e -> e.edgeClass().orders()).toList();
            checkNoneDropped(declared, ordering);
            rejectCycle(index, ordering, "The dependency rules ordered its tasks in a cycle");
            OrderGraph decided = OrderGraph.of(OrderGraph.Stage.DECIDED, index, positions(index, ordering));
            session.insert(decided);
            SharedWrites.find(facts, decided, maxEdges).forEach(session::insert);
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
            return new Classification(edgeSet(index, decisions(session)), notes, estimates, reviews);
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

    private static List<ClassifiedEdge> decisions(KieSession session) {
        return SessionFacts.ofType(session, ClassifiedEdge.class);
    }

    /** depends_on as edges, for the cycle check and the declared order graph. */
    private static List<ClassifiedEdge> declaredEdges(List<Object> facts) {
        List<ClassifiedEdge> edges = new ArrayList<>();
        for (Object fact : facts) {
            if (fact instanceof DeclaredDependency d) {
                edges.add(new ClassifiedEdge(d.from(), d.to(), EdgeClass.HARD,
                        "'" + d.to() + "' depends on '" + d.from() + "'", "depends_on", ""));
            }
        }
        return edges;
    }

    /** {from, to, hard}: the order graph also tells which edges make the dependent wait until the end. */
    private static PositionEdges positions(TaskIndex index, List<ClassifiedEdge> edges) {
        PositionEdges result = new PositionEdges(edges.size());
        for (ClassifiedEdge edge : edges) {
            result.add(index.position(edge.from()), index.position(edge.to()), edge.edgeClass() == EdgeClass.HARD);
        }
        return result;
    }

    private static void rejectCycle(TaskIndex index, List<ClassifiedEdge> edges, String what) {
        Optional<List<ClassifiedEdge>> cycle = findCycle(index, edges);
        if (cycle.isPresent()) {
            String path = cycle.get().stream()
                    .map(edge -> edge.from() + " -> " + edge.to() + " (" + edge.rule() + ": " + edge.reason() + ")")
                    .collect(Collectors.joining("; "));
            throw new CeException(ErrorCode.INVALID_PLAN, "Plan rejected: " + what + ": " + path + ".",
                    "Break the cycle: remove one of these depends_on entries, or change what the tasks produce,"
                            + " consume, read or write so that one of these edges no longer holds.");
        }
    }

    /** Never drop a declared dependency: a rule set that loses one is a defect, not a plan problem. */
    private static void checkNoneDropped(List<ClassifiedEdge> declared, List<ClassifiedEdge> ordering) {
        Set<String> ordered = new HashSet<>();
        for (ClassifiedEdge edge : ordering) {
            ordered.add(edge.from() + '\n' + edge.to());
        }
        for (ClassifiedEdge edge : declared) {
            if (!ordered.contains(edge.from() + '\n' + edge.to())) {
                throw new CeException(ErrorCode.INTERNAL, "The dependency rules dropped the declared dependency of '"
                        + edge.to() + "' on '" + edge.from() + "'.",
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

    /** Every fact for the plan: tasks, declared dependencies, file accesses (with enclosing directories), interfaces. */
    private static List<Object> facts(TaskIndex index, List<TaskSpec> tasks) {
        rejectManyProducers(tasks);
        List<Object> facts = new ArrayList<>(tasks.size() * 8);
        for (int i = 0; i < tasks.size(); i++) {
            TaskSpec task = tasks.get(i);
            facts.add(new TaskFact(task.id(), i, task.kind(), task.pool(), Pools.REVIEWERS.equals(task.pool())));
            for (String dependency : new LinkedHashSet<>(task.dependsOn())) {
                if (!index.contains(dependency) || dependency.equals(task.id())) {
                    // the port takes validated plans; say so plainly if one slips through
                    throw new CeException(ErrorCode.INVALID_PLAN, "Task '" + task.id() + "' depends on "
                            + (dependency.equals(task.id()) ? "itself." : "unknown task '" + dependency + "'."),
                            "Validate the plan (PlanValidator) before classifying its dependencies.");
                }
                EdgeClass declared = task.dependencyTypes().get(dependency);
                facts.add(new DeclaredDependency(dependency, task.id(),
                        declared == null ? DeclaredType.UNTYPED : DeclaredType.of(declared)));
            }
            for (Map.Entry<String, EdgeClass> type : task.dependencyTypes().entrySet()) {
                if (!task.dependsOn().contains(type.getKey())) {
                    throw new CeException(ErrorCode.INVALID_PLAN, "Task '" + task.id() + "' declares the type '"
                            + type.getValue().wireName() + "' for a dependency on '" + type.getKey()
                            + "', which is not in its depends_on.",
                            "Add '" + type.getKey() + "' to depends_on of '" + task.id() + "', or drop the type.");
                }
            }
            addAccesses(facts, task.id(), i, task.reads(), AccessMode.READ);
            addAccesses(facts, task.id(), i, task.writes(), AccessMode.WRITE);
            for (String name : new LinkedHashSet<>(task.produces())) {
                facts.add(new InterfaceUse(task.id(), i, name, InterfaceRole.PRODUCES));
            }
            for (String name : new LinkedHashSet<>(task.consumes())) {
                facts.add(new InterfaceUse(task.id(), i, name, InterfaceRole.CONSUMES));
            }
        }
        return facts;
    }

    /** The conflict the rule interface-produced-twice reports pair by pair, said once for many producers. */
    private static void rejectManyProducers(List<TaskSpec> tasks) {
        Map<String, List<String>> producers = new LinkedHashMap<>();
        for (TaskSpec task : tasks) {
            for (String name : new LinkedHashSet<>(task.produces())) {
                producers.computeIfAbsent(name, any -> new ArrayList<>()).add(task.id());
            }
        }
        for (Map.Entry<String, List<String>> entry : producers.entrySet()) {
            List<String> ids = entry.getValue();
            if (ids.size() > PlanFacts.MAX_PRODUCERS) {
                throw new CeException(ErrorCode.INVALID_PLAN, "Plan rejected: " + ids.size() + " tasks ('"
                        + String.join("', '", ids.subList(0, 3)) + "' and " + (ids.size() - 3) + " more) produce the"
                        + " interface '" + entry.getKey() + "', which has one producer.",
                        "Let one task produce '" + entry.getKey() + "' and the others consume it, or give their"
                                + " interfaces different names.");
            }
        }
    }

    private static void addAccesses(List<Object> facts, String task, int index, List<String> paths, AccessMode mode) {
        Set<String> seen = new LinkedHashSet<>();
        for (String declared : paths) {
            // as FileOverlap compares paths, so the rules and the conflict report agree; a trailing "/" is a directory
            String path = FileOverlap.normalize(declared);
            if (path.isEmpty() || !seen.add(path)) {
                continue;
            }
            facts.add(new FileAccess(task, index, path, mode, path.endsWith("/")));
            for (int slash = path.indexOf('/'); slash >= 0 && slash < path.length() - 1;
                 slash = path.indexOf('/', slash + 1)) {
                facts.add(new PathWithin(task, index, mode, path.substring(0, slash + 1), path));
            }
        }
    }

    /** One cycle, as its edges in order, if the edges have any. */
    private static Optional<List<ClassifiedEdge>> findCycle(TaskIndex tasks, List<ClassifiedEdge> edges) {
        int n = tasks.size();
        List<List<ClassifiedEdge>> incoming = new ArrayList<>(n);
        List<List<ClassifiedEdge>> outgoing = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            incoming.add(new ArrayList<>(1));
            outgoing.add(new ArrayList<>(1));
        }
        int[] inDegree = new int[n];
        for (ClassifiedEdge edge : edges) {
            incoming.get(tasks.position(edge.to())).add(edge);
            outgoing.get(tasks.position(edge.from())).add(edge);
            inDegree[tasks.position(edge.to())]++;
        }
        // Kahn's algorithm removes every task not on or behind a cycle
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            if (inDegree[i] == 0) {
                queue[tail++] = i;
            }
        }
        boolean[] removed = new boolean[n];
        while (head < tail) {
            int task = queue[head++];
            removed[task] = true;
            for (ClassifiedEdge edge : outgoing.get(task)) {
                int to = tasks.position(edge.to());
                if (--inDegree[to] == 0) {
                    queue[tail++] = to;
                }
            }
        }
        int start = -1;
        for (int i = 0; i < n && start < 0; i++) {
            if (!removed[i]) {
                start = i;
            }
        }
        if (start < 0) {
            return Optional.empty();
        }
        // every remaining task has a remaining predecessor: walking back must repeat a task, closing a cycle
        int[] seenAt = new int[n];
        java.util.Arrays.fill(seenAt, -1);
        List<ClassifiedEdge> walk = new ArrayList<>();
        int task = start;
        while (seenAt[task] < 0) {
            seenAt[task] = walk.size();
            ClassifiedEdge back = null;
            for (ClassifiedEdge edge : incoming.get(task)) {
                if (!removed[tasks.position(edge.from())]) {
                    back = edge;
                    break;
                }
            }
            walk.add(back);
            task = tasks.position(back.from());
        }
        List<ClassifiedEdge> cycle = new ArrayList<>(walk.subList(seenAt[task], walk.size()));
        Collections.reverse(cycle);
        return Optional.of(cycle);
    }

    private static List<ClassifiedEdge> edgeSet(TaskIndex tasks, Collection<ClassifiedEdge> decisions) {
        Map<Key, ClassifiedEdge> chosen = new HashMap<>(decisions.size() * 2);
        for (ClassifiedEdge edge : decisions) {
            Key key = new Key(tasks.position(edge.from()), tasks.position(edge.to()), edge.edgeClass().ordinal());
            chosen.merge(key, edge, (kept, other) -> PREFERRED.compare(kept, other) <= 0 ? kept : other);
        }
        List<Map.Entry<Key, ClassifiedEdge>> entries = new ArrayList<>(chosen.entrySet());
        entries.sort(Map.Entry.comparingByKey(Comparator.comparingInt(Key::from).thenComparingInt(Key::to)
                .thenComparingInt(Key::edgeClass)));
        return entries.stream().map(Map.Entry::getValue).toList();
    }

    private record Key(int from, int to, int edgeClass) {
    }
}
