package dev.pce.rules.authoring;

import dev.pce.engine.gate.Evidence;
import dev.pce.engine.gate.GateRequest;
import dev.pce.engine.gate.ProjectType;
import dev.pce.rules.authoring.Compilation.Compiled;
import dev.pce.rules.authoring.Compilation.Failed;
import dev.pce.rules.authoring.Compilation.LayeredBase;
import dev.pce.rules.authoring.Compilation.LocalRule;
import dev.pce.rules.gate.Criterion;
import dev.pce.rules.gate.DroolsGatePolicy;
import dev.pce.testing.LocalRuleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.pce.testing.LocalRuleFiles.docsRule;
import static dev.pce.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

class LayeredCompilerTest {
    private static final RuleSets BUILT_IN = RuleSets.builtIn();
    private final LayeredCompiler compiler = new LayeredCompiler(BUILT_IN);

    @TempDir
    Path dir;

    @Test
    void aLocalDependencyRuleJoinsTheBuiltInOnes() {
        Path file = write(dir.resolve("docs.drl"), docsRule("docs-wait-for-builds"));

        Compiled compiled = compiled(compiler.compile(List.of(file)));

        assertThat(compiled.localRules()).containsExactly(
                new LocalRule(file.toString(), 6, "docs-wait-for-builds", BUILT_IN.dependencies(), false));
        LayeredBase dependencies = compiled.bases().get(0);
        assertThat(dependencies.ruleSet()).isSameAs(BUILT_IN.dependencies());
        assertThat(dependencies.rules()).isEqualTo(dependencies.builtInRules() + 1);
        LayeredBase gates = compiled.bases().get(1);
        assertThat(gates.rules()).as("the gate rules").isEqualTo(gates.builtInRules());
        assertThat(RuleRuns.rulesDeciding(new PrecompiledRules(BUILT_IN.dependencies(),
                compiled.kieBaseOf(BUILT_IN.dependencies())))).containsExactly("docs-wait-for-builds");
        assertThat(RuleRuns.rulesDeciding(BUILT_IN.dependencies())).as("the built-in rules alone").isEmpty();
    }

    @Test
    void aLocalRuleWithABuiltInRulesNameReplacesIt() {
        Path file = write(dir.resolve("gates/coverage.drl"), LocalRuleFiles.STRICTER_LIBRARY_COVERAGE);

        Compiled compiled = compiled(compiler.compile(List.of(BUILT_IN.gates()), List.of(file)));

        assertThat(compiled.localRules()).singleElement().satisfies(rule -> {
            assertThat(rule.name()).isEqualTo("coverage-library");
            assertThat(rule.replacesBuiltIn()).isTrue();
        });
        assertThat(compiled.bases()).singleElement().satisfies(base -> assertThat(base.rules())
                .as("one replaced, none added").isEqualTo(base.builtInRules()));
        DroolsGatePolicy policy = new DroolsGatePolicy(new PrecompiledRules(BUILT_IN.gates(),
                compiled.kieBaseOf(BUILT_IN.gates())));
        assertThat(policy.decide(GateRequest.of(ProjectType.LIBRARY, Evidence.EMPTY)))
                .filteredOn(criterion -> criterion.name().equals("coverage-line")).singleElement()
                .satisfies(line -> {
                    assertThat(line.threshold()).isEqualTo(90);
                    assertThat(line.rule()).isEqualTo("coverage-library");
                });
        assertThat(policy.decide(GateRequest.of(ProjectType.SERVICE, Evidence.EMPTY)))
                .as("the other built-in coverage rules stay").extracting(Criterion::rule).contains("coverage-service");
    }

    @Test
    void withoutLocalFilesTheBuiltInRulesCompileAlone() {
        Compiled compiled = compiled(compiler.compile(List.of()));
        assertThat(compiled.localRules()).isEmpty();
        assertThat(compiled.bases()).hasSize(3).allSatisfy(base -> {
            assertThat(base.rules()).isEqualTo(base.builtInRules()).isGreaterThan(10);
            assertThat(base.kieBase().getKiePackages()).isNotEmpty();
        });
    }

    @Test
    void aSyntaxErrorNamesTheFileLineAndColumn() {
        Path file = write(dir.resolve("broken.drl"), """
                package dev.pce.rules.dependency;

                rule "unclosed"
                when
                    TaskFact($a : id
                then
                end
                """);

        assertThat(problems(compiler.compile(List.of(file)))).singleElement().satisfies(problem -> {
            assertThat(problem.source()).isEqualTo(file.toString());
            assertThat(problem.line()).isEqualTo(6);
            assertThat(problem.column()).isEqualTo(1);
            assertThat(problem.describe()).startsWith(file + ":6:1: ").contains("mismatched input 'then'");
        });
    }

    @Test
    void unknownTypesAndBadConsequencesNameTheirLines() {
        Path file = write(dir.resolve("wrong.drl"), """
                package dev.pce.rules.dependency;

                rule "unknown-fact"
                when
                    NoSuchFact($a : id)
                then
                end

                rule "bad-call"
                when
                    TaskFact($a : id)
                then
                    Decisions.hard(kcontext, $a, $a, 42, "too many");
                end
                """);

        assertThat(problems(compiler.compile(List.of(file)))).extracting(DrlProblem::describe).containsExactly(
                file + ":5:5: Unable to resolve ObjectType 'NoSuchFact'",
                file + ":12: in the consequence of rule 'bad-call': The method hard(RuleContext, String, String,"
                        + " String) in the type Decisions is not applicable for the arguments (RuleContext, String,"
                        + " String, int, String)");
    }

    private static final String JOIN = " 'package dev.pce.rules.dependency;' to join the dependency rules, or"
            + " 'package dev.pce.rules.gate;' to join the gate rules, or 'package dev.pce.rules.conflict;' to join"
            + " the conflict rules.";

    @Test
    void aFileOfAnotherPackageIsAnErrorThatSaysWhichPackagesJoin() {
        Path other = write(dir.resolve("other.drl"), "package com.example.rules;\n\nrule \"x\"\nwhen\nthen\nend\n");
        Path none = write(dir.resolve("none.drl"), "rule \"y\"\nwhen\nthen\nend\n");

        assertThat(problems(compiler.compile(List.of(none, other)))).extracting(DrlProblem::describe).containsExactly(
                none + ":1:1: the file declares no package, so it joins none of PCE's rule sets. Fix: start the file"
                        + " with" + JOIN,
                other + ":1:1: package 'com.example.rules' is none of PCE's rule sets. Fix: start the file with"
                        + JOIN);
    }

    @Test
    void twoLocalRulesOfOneNameAreAnErrorNamingBoth() {
        Path first = write(dir.resolve("a.drl"), docsRule("docs-wait-for-builds"));
        Path second = write(dir.resolve("b.drl"), docsRule("docs-wait-for-builds"));

        assertThat(problems(compiler.compile(List.of(first, second)))).extracting(DrlProblem::describe)
                .containsExactly(second + ":6:1: rule 'docs-wait-for-builds' is also declared at " + first
                        + ":6. Fix: rename one of them; only a built-in rule can be replaced by name.");
    }

    @Test
    void everyFileIsCheckedEvenWhenOnlySomeRuleSetsCompile() {
        Path good = write(dir.resolve("docs.drl"), docsRule("docs-wait-for-builds"));
        Path broken = write(dir.resolve("gates.drl"), "package dev.pce.rules.gate;\nrule \"x\" when then");

        assertThat(problems(compiler.compile(List.of(BUILT_IN.dependencies()), List.of(good, broken))))
                .extracting(DrlProblem::source).containsOnly(broken.toString());
    }

    @Test
    void anUnreadableFileIsAProblemOfThatFile() {
        Path missing = dir.resolve("gone.drl");
        assertThat(problems(compiler.compile(List.of(missing)))).singleElement()
                .satisfies(problem -> assertThat(problem.describe()).startsWith(missing + ": cannot read the file"));
    }

    @Test
    void aProblemDescribesItselfAsCompilersDo() {
        assertThat(new DrlProblem("a.drl", 3, 7, "wrong\nsecond line").describe())
                .isEqualTo("a.drl:3:7: wrong\n    second line");
        assertThat(new DrlProblem("a.drl", 3, 0, "wrong").describe()).isEqualTo("a.drl:3: wrong");
        assertThat(new DrlProblem("a.drl", 0, 0, "wrong").describe()).isEqualTo("a.drl: wrong");
    }

    private static Compiled compiled(Compilation compilation) {
        assertThat(compilation).isInstanceOf(Compiled.class);
        return (Compiled) compilation;
    }

    private static List<DrlProblem> problems(Compilation compilation) {
        assertThat(compilation).isInstanceOf(Failed.class);
        return ((Failed) compilation).problems();
    }
}
