package dev.pce.rules;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.conf.AlphaThresholdOption;
import org.kie.internal.conf.ConstraintJittingThresholdOption;

/**
 * Compiles one DRL resource into a KieBase. Apart from {@link CompiledDrl}, which the server links at start-up:
 * checking this code makes the JVM load Drools' KieBase, and with it open the on-demand jar, which should happen
 * only when the rules compile in the background.
 */
public final class DrlCompiler {
    /** Evaluations of a constraint before Drools compiles it, where allowed (Drools' default). */
    private static final int JITTING_THRESHOLD = 20;

    private DrlCompiler() {
    }

    /**
     * @param description what the rules are, for messages ("gate rules")
     * @param location    where the DRL is, for messages ("rules/gates.drl")
     * @param compiled    whether constraints may be compiled to bytecode (see {@link #newKnowledgeBase(boolean)})
     */
    static KieBase compile(Resource resource, String description, String location, boolean compiled) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(resource, ResourceType.DRL);
        if (builder.hasErrors()) {
            throw new CeException(ErrorCode.INTERNAL, "The " + description + " in " + location + " do not compile: "
                    + builder.getErrors(), "Correct the DRL at the lines named; run the rules scenarios to check.");
        }
        InternalKnowledgeBase base = newKnowledgeBase(compiled);
        base.addPackages(builder.getKnowledgePackages());
        return base;
    }

    /**
     * An empty knowledge base for PCE's rules: every rule set is built on one of these. Constraints stay interpreted:
     * Drools 10.2 compiles a constraint that uses an operator such as {@code str[startsWith]} to bytecode once it was
     * evaluated 20 times, and that bytecode calls a method Drools does not have, so the session dies with a
     * {@link NoSuchMethodError} (a learned review requirement on a plan of a few dozen tasks did).
     *
     * <p>Interpreted, a constraint costs a microsecond or more per fact, so where two or more rules test one field
     * of a fact for equality with a string, number or boolean, Drools hashes them: one lookup finds the rules a fact
     * goes on to, none is evaluated (by default only from three such rules on; one is a Drools defect, a
     * NullPointerException while the rules compile). Comparisons with enum constants are never hashed.
     */
    public static InternalKnowledgeBase newKnowledgeBase() {
        return newKnowledgeBase(false);
    }

    /**
     * As {@link #newKnowledgeBase()}, with constraints compiled to bytecode once evaluated 20 times if
     * {@code compiled}: only for DRL of PCE's own that uses no operator such as {@code str[startsWith]}, never for
     * rules layered with a project's or learned ones. Interpreted, each evaluation also copies the package's imports
     * (a kilobyte or two of garbage): a 10,000-task plan's dependency rules made 37 MB of it.
     */
    public static InternalKnowledgeBase newKnowledgeBase(boolean compiled) {
        KieBaseConfiguration configuration = RuleBaseFactory.newKnowledgeBaseConfiguration();
        configuration.setOption(ConstraintJittingThresholdOption.get(compiled ? JITTING_THRESHOLD : -1));
        configuration.setOption(AlphaThresholdOption.get(2));
        return KnowledgeBaseFactory.newKnowledgeBase(configuration);
    }
}
