package dev.pce.rules.dependency;

import org.drools.base.base.ClassObjectType;
import org.drools.base.rule.IndexableConstraint;
import org.drools.base.util.index.ConstraintTypeOperator;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.KieBase;

/**
 * What the compiled rules can see, read from their network, so that a classification inserts no fact that no rule
 * could match. Kept apart from the classifier, which the server loads while it starts (see DecisionBudget).
 */
final class RuleReach {

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
}
