package dev.pce.rules.dependency;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.EdgeClass;
import org.drools.base.base.ClassObjectType;
import org.drools.base.rule.IndexableConstraint;
import org.drools.base.util.index.ConstraintTypeOperator;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.LeftInputAdapterNode;
import org.drools.core.reteoo.LeftTupleSink;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.core.reteoo.RuleTerminalNode;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

/**
 * Plain declared dependencies (depends_on without a type, most relations of a large plan) decided in Java, as the
 * rule {@value #RULE} decides them, where the compiled rules show that nothing else could tell the difference: the
 * session then gets the rule's hard edge itself instead of the dependency and a firing that makes it. Drools spent
 * about a microsecond and a dozen objects per such dependency on the firing and its logical insertion.
 *
 * <p>Only when, in the compiled network, an untyped {@link DeclaredDependency} reaches exactly one rule, named
 * {@value #RULE}, straight from its one pattern (no join, no other condition), no other rule or query matches one
 * (every other node tests the type name for another value, and no rule matches a type above it), and that rule,
 * fired on sample dependencies, decides exactly the edge {@link #edge} makes. A project's rule that joins untyped
 * dependencies, or replaces the built-in rule with other words, turns the shortcut off for its rule set, and every
 * dependency goes through the rules as before. Kept apart from the classifier, which the server loads while it
 * starts (see DecisionBudget).
 */
final class UntypedShortcut {
    static final String RULE = "declared-untyped-is-hard";
    /** The answer per compiled rule set: a rule set is checked once, when it first classifies. */
    private static final Map<KieBase, Boolean> CHECKED = Collections.synchronizedMap(new WeakHashMap<>());
    private static final List<DeclaredDependency> SAMPLES = List.of(
            new DeclaredDependency("sample-a", "sample-b", DeclaredType.UNTYPED),
            new DeclaredDependency("x", "sample-y/2", DeclaredType.UNTYPED));

    private UntypedShortcut() {
    }

    /** Whether untyped dependencies may be decided by {@link #edge} instead of by the rules of {@code rules}. */
    static boolean applies(KieBase rules) {
        return CHECKED.computeIfAbsent(rules, UntypedShortcut::check);
    }

    /** The hard edge {@value #RULE} decides for {@code dependency}, with its reason word for word. */
    static ClassifiedEdge edge(DeclaredDependency dependency) {
        String a = dependency.from();
        String b = dependency.to();
        return new ClassifiedEdge(a, b, EdgeClass.HARD, "'" + b + "' depends on '" + a
                + "' (no type declared, so it needs '" + a + "' finished)", RULE, "");
    }

    private static boolean check(KieBase rules) {
        return rules instanceof InternalKnowledgeBase base && reachesOnlyTheRule(base) && decidesAlike(rules);
    }

    /** The network: an untyped dependency goes to the rule's terminal node and nowhere else. */
    private static boolean reachesOnlyTheRule(InternalKnowledgeBase base) {
        int paths = 0;
        for (ObjectTypeNode node : base.getRete().getObjectTypeNodes()) {
            if (!node.getObjectType().isAssignableFrom(DeclaredDependency.class)) {
                continue;
            }
            if (!(node.getObjectType() instanceof ClassObjectType type)
                    || type.getClassType() != DeclaredDependency.class) {
                return false; // a rule on Object, Record or the like sees every dependency
            }
            for (ObjectSink sink : node.getObjectSinkPropagator().getSinks()) {
                Boolean passes = passesUntyped(sink);
                if (passes == null) {
                    return false;
                }
                if (passes) {
                    if (!straightToTheRule((AlphaNode) sink)) {
                        return false;
                    }
                    paths++;
                }
            }
        }
        return paths == 1;
    }

    /**
     * Whether the node lets untyped dependencies through (true) or none of them (false), when it tests the type name
     * for equality with a constant; null when it tests anything else (which might let some through).
     */
    private static Boolean passesUntyped(ObjectSink sink) {
        if (!(sink instanceof AlphaNode alpha) || !(alpha.getConstraint() instanceof IndexableConstraint constraint)
                || constraint.getConstraintType() != ConstraintTypeOperator.EQUAL || constraint.getField() == null
                || constraint.getFieldExtractor() == null) {
            return null;
        }
        // the field tested is the type name when it reads that name from dependencies of every type
        for (DeclaredType type : DeclaredType.values()) {
            DeclaredDependency probe = new DeclaredDependency("a", "b", type);
            if (!type.wireName().equals(constraint.getFieldExtractor().getValue(null, probe))) {
                return null;
            }
        }
        return DeclaredType.UNTYPED.wireName().equals(constraint.getField().getValue());
    }

    /** One pattern alone: the node feeds only the rule's left input, and that only the rule's terminal node. */
    private static boolean straightToTheRule(AlphaNode alpha) {
        ObjectSink[] next = alpha.getObjectSinkPropagator().getSinks();
        if (next.length != 1 || !(next[0] instanceof LeftInputAdapterNode input)) {
            return false;
        }
        LeftTupleSink[] rules = input.getSinkPropagator().getSinks();
        return rules.length == 1 && rules[0] instanceof RuleTerminalNode terminal
                && RULE.equals(terminal.getRule().getName());
    }

    /** The rule's consequence, fired on sample dependencies, decides what {@link #edge} does and nothing else. */
    private static boolean decidesAlike(KieBase rules) {
        for (DeclaredDependency sample : SAMPLES) {
            KieSession session = rules.newKieSession();
            try {
                session.insert(sample);
                session.fireAllRules(10);
                List<Object> facts = List.copyOf(session.getObjects());
                ClassifiedEdge expected = edge(sample);
                if (facts.size() != 2 || !facts.contains(sample)
                        || facts.stream().noneMatch(fact -> Objects.equals(fact, expected))) {
                    return false;
                }
            } finally {
                session.dispose();
            }
        }
        return true;
    }
}
