package dev.pce.rules;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.rules.dependency.DependencyRules;
import dev.pce.rules.gate.GateRules;
import org.junit.jupiter.api.Test;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.KieBase;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompiledDrlTest {

    /** A rule set on any class-path DRL, as the shipped ones are. */
    private static final class TestRules extends CompiledDrl {
        TestRules(String drl) {
            super(drl, "test rules");
        }
    }

    @Test
    void aDrlThatDoesNotCompileIsAnInternalErrorNamingTheFile() {
        TestRules rules = new TestRules("drl/broken.drl");
        assertThatThrownBy(rules::kieBase).isInstanceOfSatisfying(CeException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
            assertThat(e.getMessage()).startsWith("The test rules in drl/broken.drl do not compile:")
                    .contains("NoSuchFact");
            assertThat(e.fix()).contains("Correct the DRL at the lines named");
        });
        assertThat(rules.isReady()).isTrue();
        assertThatThrownBy(rules::kieBase).as("the same error on every call").hasMessageContaining("NoSuchFact");
    }

    @Test
    void aMissingDrlSaysSo() {
        assertThatThrownBy(new TestRules("rules/none.drl")::kieBase).isInstanceOf(CeException.class)
                .hasMessage("The test rules (rules/none.drl) are not on the class path.");
    }

    @Test
    void eachShippedRuleSetCompilesOnceIntoItsOwnBase() {
        GateRules gates = GateRules.shared();
        gates.prepareInBackground();
        gates.prepareInBackground(); // a second call starts nothing new
        assertThat(gates.kieBase()).isSameAs(gates.kieBase());
        assertThat(gates.kieBase()).isNotSameAs(DependencyRules.shared().kieBase());
        assertThat(gates.drl()).isEqualTo(GateRules.DRL);
        assertThat(gates.kieBase().getKiePackage(GateRules.PACKAGE).getRules()).extracting(rule -> rule.getName())
                .contains("coverage-library", "learned-threshold");
    }

    @Test
    void compileWithChangesHowTheNextBuildIsMadeAndReplaceSwapsAtOnce() {
        TestRules rules = new TestRules(DependencyRules.DRL);
        KieBase gates = GateRules.shared().kieBase();
        AtomicInteger builds = new AtomicInteger();

        rules.compileWith(() -> {
            builds.incrementAndGet();
            return gates;
        });
        assertThat(rules.isReady()).as("lazily, like the first build").isFalse();
        assertThat(rules.kieBase()).isSameAs(gates);
        assertThat(rules.kieBase()).isSameAs(gates);
        assertThat(builds).as("built once").hasValue(1);

        KieBase dependencies = DependencyRules.shared().kieBase();
        rules.replace(dependencies);
        assertThat(rules.isReady()).isTrue();
        assertThat(rules.kieBase()).isSameAs(dependencies);
        assertThat(rules.description()).isEqualTo("test rules");
        assertThat(rules.builtInDrl().getSourcePath()).isEqualTo(DependencyRules.DRL);
    }

    /**
     * The dependency rules' constraints are compiled to bytecode (they run for every fact of a plan); every other
     * rule set, and rules layered with a project's or learned ones (which may use str[startsWith], broken compiled),
     * stay interpreted.
     */
    @Test
    void onlyTheBuiltInDependencyRulesCompileTheirConstraints() {
        assertThat(jittingThreshold(DependencyRules.shared().kieBase())).isEqualTo(20);
        assertThat(jittingThreshold(GateRules.shared().kieBase())).isEqualTo(-1);
        assertThat(jittingThreshold(new TestRules(DependencyRules.DRL).kieBase())).isEqualTo(-1);
        assertThat(DrlCompiler.newKnowledgeBase().getRuleBaseConfiguration().getJittingThreshold()).isEqualTo(-1);
    }

    private static int jittingThreshold(KieBase rules) {
        return ((InternalKnowledgeBase) rules).getRuleBaseConfiguration().getJittingThreshold();
    }
}
