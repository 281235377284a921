package dev.pce.rules.dependency;

import dev.pce.engine.dependency.ClassifiedEdge;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.IndexableConstraint;
import org.drools.base.util.index.ConstraintTypeOperator;
import org.drools.core.common.BaseNode;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.LeftTupleSource;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectSource;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.core.reteoo.RightInputAdapterNode;
import org.drools.core.reteoo.TerminalNode;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.KieBase;
import org.kie.api.io.Resource;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * What the compiled rules can see, read from their network, so that a classification inserts no fact that no rule
 * could match. Kept apart from the classifier, which the server loads while it starts (see DecisionBudget).
 */
final class RuleReach {
    /** The built-in rules that look at decided edges: the feedback from a review, and a declared soft edge kept soft. */
    static final String FEEDBACK = "review-feedback";
    static final String SOFT = "declared-soft";

    private RuleReach() {
    }

    /**
     * Whether any rule could match a {@link PathWithin} of a written path. Only when provably not: every node through
     * which a PathWithin enters the rules tests {@code mode == AccessMode.READ} first (the built-in rules' only use), and
     * no rule matches a type above it ({@code Object()}, say). A project's own rule that joins PathWithin otherwise
     * makes this true, and every fact goes in as before. A plan's written paths are most of its PathWithin facts: one
     * for each directory above each file a task writes.
     */
    static boolean seesWrittenPaths(KieBase rules) {
        if (!(rules instanceof InternalKnowledgeBase base)) {
            return true;
        }
        for (ObjectTypeNode node : base.getRete().getObjectTypeNodes()) {
            if (!node.getObjectType().isAssignableFrom(PathWithin.class)) {
                continue;
            }
            boolean exactly = node.getObjectType() instanceof ClassObjectType type
                    && type.getClassType() == PathWithin.class;
            if (!exactly) {
                return true;
            }
            for (ObjectSink sink : node.getObjectSinkPropagator().getSinks()) {
                if (!readsOnly(sink)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the node passes a fact on only when its one AccessMode field, mode, is READ. */
    private static boolean readsOnly(ObjectSink sink) {
        return sink instanceof AlphaNode alpha && alpha.getConstraint() instanceof IndexableConstraint constraint
                && constraint.getConstraintType() == ConstraintTypeOperator.EQUAL && constraint.getField() != null
                && constraint.getField().getValue() == AccessMode.READ && constraint.getFieldExtractor() != null
                && constraint.getFieldExtractor().getIndex() >= 0
                && constraint.getFieldExtractor().getExtractToClass() == AccessMode.class;
    }

    /**
     * Whether a {@link ClassifiedEdge} can matter to the rules only when it leads into a review task (or is a hard
     * edge of a pair declared soft, which a plain declared dependency never is). True when the only rules whose
     * network a ClassifiedEdge enters are the built-in DRL's {@value #FEEDBACK} (an edge into a review, for the
     * feedback edge back) and {@value #SOFT}, compiled from that DRL itself: then a plain dependency's hard edge into
     * any other task can stay out of the session, as the rules could never match it. Any other rule that sees an
     * edge (a project's own, one on a type above ClassifiedEdge, a query), or a node this walk does not know, makes it
     * false, and every edge goes into the session as before. Most of a large plan's relations are such edges.
     */
    static boolean seesEdgesOnlyIntoReviews(KieBase rules) {
        Set<String> seeing = rulesSeeingEdges(rules);
        return seeing != null && Set.of(FEEDBACK, SOFT).containsAll(seeing);
    }

    /** The names of the built-in rules a ClassifiedEdge reaches; null if it may reach anything else. */
    private static Set<String> rulesSeeingEdges(KieBase rules) {
        if (!(rules instanceof InternalKnowledgeBase base)) {
            return null;
        }
        Deque<BaseNode> open = new ArrayDeque<>();
        for (ObjectTypeNode node : base.getRete().getObjectTypeNodes()) {
            if (!node.getObjectType().isAssignableFrom(ClassifiedEdge.class)) {
                continue;
            }
            if (!(node.getObjectType() instanceof ClassObjectType type) || type.getClassType() != ClassifiedEdge.class) {
                return null; // a rule on Object, Record or the like sees every edge
            }
            open.add(node);
        }
        Set<BaseNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<String> names = new HashSet<>();
        while (!open.isEmpty()) {
            BaseNode node = open.pop();
            if (!seen.add(node)) {
                continue;
            }
            if (node instanceof TerminalNode terminal) {
                if (!fromTheBuiltInDrl(terminal.getRule())) {
                    return null;
                }
                names.add(terminal.getRule().getName());
            } else if (node instanceof RightInputAdapterNode<?> right) {
                open.push(right.getBetaNode());
            } else if (node instanceof ObjectSource source) {
                if (!addNodes(open, source.getObjectSinkPropagator().getSinks())) {
                    return null;
                }
            } else if (node instanceof LeftTupleSource source) {
                if (!addNodes(open, source.getSinkPropagator().getSinks())) {
                    return null;
                }
            } else {
                return null; // a kind of node not followed here: assume it could see anything
            }
        }
        return names;
    }

    /** Adds the sinks to {@code open}; false if one is not a node (none is in Drools 10): it could see anything. */
    private static boolean addNodes(Deque<BaseNode> open, Object[] sinks) {
        for (Object sink : sinks) {
            if (!(sink instanceof BaseNode node)) {
                return false;
            }
            open.push(node);
        }
        return true;
    }

    private static boolean fromTheBuiltInDrl(RuleImpl rule) {
        Resource resource = rule.getResource();
        return !rule.isQuery() && resource != null && DependencyRules.DRL.equals(resource.getSourcePath());
    }
}
