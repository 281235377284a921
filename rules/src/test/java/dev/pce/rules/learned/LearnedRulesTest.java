package dev.pce.rules.learned;

import dev.pce.engine.CeException;
import dev.pce.engine.dependency.PlanNote;
import dev.pce.engine.gate.Evidence;
import dev.pce.engine.gate.GateRequest;
import dev.pce.engine.gate.Metrics;
import dev.pce.engine.gate.ProjectType;
import dev.pce.engine.gate.ThresholdAdjustment;
import dev.pce.engine.model.TaskSpec;
import dev.pce.rules.authoring.RuleSets;
import dev.pce.rules.dependency.DroolsDependencyClassifier;
import dev.pce.rules.gate.Criterion;
import dev.pce.rules.gate.DroolsGatePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dev.pce.rules.learned.LearnedPatterns.estimateBias;
import static dev.pce.rules.learned.LearnedPatterns.lineCoverage;
import static dev.pce.rules.learned.LearnedPatterns.review;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LearnedRulesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path workspace;

    private final RuleSets ruleSets = LearnedPatterns.freshRuleSets();

    private LearnedRules learnedRules(LearnedTemplates templates) {
        return new LearnedRules(LearnedRuleStore.inWorkspace(workspace), ruleSets, List::of, templates, CLOCK);
    }

    private LearnedRules learnedRules() {
        return learnedRules(LearnedTemplates.builtIn());
    }

    private Criterion lineCoverageCriterion(List<ThresholdAdjustment> requested) {
        return new DroolsGatePolicy(ruleSets.gates())
                .decide(GateRequest.of(ProjectType.LIBRARY, Evidence.EMPTY).withAdjustments(requested)).stream()
                .filter(criterion -> criterion.metric().equals(Metrics.COVERAGE_LINE)).findFirst().orElseThrow();
    }

    private static LearnedVersion accepted(LearnOutcome outcome) {
        assertThat(outcome).as(outcome.toString()).isInstanceOf(LearnOutcome.Accepted.class);
        return ((LearnOutcome.Accepted) outcome).version();
    }

    @Test
    void learnedRulesAreStoredAsAVersionAndChangeWhatTheRulesDecide() {
        LearnedVersion version = accepted(learnedRules().learn(List.of(estimateBias("migration", 1.6),
                review("schema", "db/migrations/"), lineCoverage(65))));

        assertThat(version.version()).isEqualTo(1);
        assertThat(version.previous()).isZero();
        assertThat(version.patternKeys()).containsExactly("estimate:migration",
                "review:schema:db/migrations/:security", "gate:library:coverage.line");
        Path dir = workspace.resolve("rules/learned/v0001");
        assertThat(dir.resolve("manifest.json")).content().contains("\"pattern\" : \"gate:library:coverage.line\"",
                "\"workflows\" : [ \"wf-4\" ]", "\"project\" : \"shop\"");
        assertThat(dir.resolve("003-gate-threshold.drl")).exists();

        Criterion coverage = lineCoverageCriterion(List.of());
        assertThat(coverage.threshold()).isEqualTo(65);
        assertThat(coverage.reason()).contains("set by learned:gate:library:coverage.line", "replacing 80%");

        List<TaskSpec> plan = List.of(
                TaskSpec.builder("add-orders-table", "schema").writes("db/migrations/V7__orders.sql").build(),
                TaskSpec.builder("move-data", "migration").build(),
                TaskSpec.builder("docs", "schema").writes("docs/schema.md").build());
        List<PlanNote> notes = new DroolsDependencyClassifier(ruleSets.dependencies()).classifyWithNotes(plan).notes();
        assertThat(notes).extracting(PlanNote::task, PlanNote::rule).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("add-orders-table", "learned:review:schema:db/migrations/:security"),
                org.assertj.core.groups.Tuple.tuple("move-data", "learned:estimate:migration"));
        assertThat(notes).extracting(PlanNote::text).anySatisfy(text -> assertThat(text)
                .contains("'add-orders-table' needs a security review"));
    }

    @Test
    void anAdjustmentTheGateRequestNamesBeatsALearnedOne() {
        accepted(learnedRules().learn(List.of(lineCoverage(65))));

        Criterion coverage = lineCoverageCriterion(List.of(ThresholdAdjustment.of(Metrics.COVERAGE_LINE, 90,
                "maintainer")));

        assertThat(coverage.threshold()).isEqualTo(90);
    }

    @Test
    void aHostilePatternIsLeftOutAndReportedAndTheOthersBecomeTheVersion() {
        String hostile = "x\"; end rule \"x\" when then System.exit(0);";
        LearnOutcome outcome = learnedRules().learn(List.of(lineCoverage(65), estimateBias(hostile, 1.5)));

        LearnedVersion version = accepted(outcome);
        assertThat(version.patternKeys()).containsExactly("gate:library:coverage.line");
        assertThat(outcome.rejectedPatterns()).singleElement().satisfies(rejected -> {
            assertThat(rejected.pattern()).isEqualTo("estimate:" + hostile);
            assertThat(rejected.reason()).contains("slot kind", Slots.KIND_ALLOWED);
        });
        assertThat(lineCoverageCriterion(List.of()).threshold()).isEqualTo(65);
        assertThat(learnedRules().check(List.of(lineCoverage(65), estimateBias(hostile, 1.5))))
                .extracting(rejected -> rejected.pattern()).containsExactly("estimate:" + hostile);
    }

    @Test
    void whenNoPatternCanBeARuleNoVersionIsMadeAndEachPatternSaysWhy() {
        LearnOutcome outcome = learnedRules().learn(List.of(estimateBias("bad kind", 1.5)));

        assertThat(outcome).isInstanceOf(LearnOutcome.Rejected.class);
        assertThat(((LearnOutcome.Rejected) outcome).describe()).contains("no learned version stays",
                "none of the 1 learned pattern(s) can become a rule");
        assertThat(outcome.rejectedPatterns()).extracting(rejected -> rejected.pattern())
                .containsExactly("estimate:bad kind");
        assertThat(learnedRules().history()).isEmpty();
    }

    @Test
    void generatedRulesThatDoNotCompileAreRejectedWithFileAndLineAndTheCurrentVersionStays() throws Exception {
        accepted(learnedRules().learn(List.of(lineCoverage(65))));
        LearnedRules broken = learnedRules(LearnedTemplates.fromClassPath(getClass().getClassLoader(),
                "learned-broken/"));

        LearnOutcome outcome = broken.learn(List.of(lineCoverage(50)));

        assertThat(outcome).isInstanceOf(LearnOutcome.Rejected.class);
        LearnOutcome.Rejected rejected = (LearnOutcome.Rejected) outcome;
        assertThat(rejected.rejectedPatterns()).singleElement().satisfies(pattern -> {
            assertThat(pattern.pattern()).isEqualTo("gate:library:coverage.line");
            assertThat(pattern.reason()).startsWith("the generated rule does not compile: 001-gate-threshold.drl:");
        });
        assertThat(rejected.current()).hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(1));
        assertThat(broken.history()).extracting(LearnedVersion::version).containsExactly(1);
        try (var entries = Files.list(workspace.resolve("rules/learned"))) {
            assertThat(entries.map(p -> p.getFileName().toString())).as("no staging left").containsExactly("v0001");
        }
        assertThat(lineCoverageCriterion(List.of()).threshold()).as("the rules in use stay").isEqualTo(65);
    }

    @Test
    void aGeneratedRuleThatDoesNotCompileIsLeftOutAndTheOthersBecomeTheVersion() {
        LearnedRules broken = learnedRules(LearnedTemplates.fromClassPath(getClass().getClassLoader(),
                "learned-broken/"));

        LearnOutcome outcome = broken.learn(List.of(lineCoverage(50), estimateBias("migration", 1.6)));

        assertThat(accepted(outcome).patternKeys()).containsExactly("estimate:migration");
        assertThat(outcome.rejectedPatterns()).extracting(rejected -> rejected.pattern())
                .containsExactly("gate:library:coverage.line");
        assertThat(lineCoverageCriterion(List.of()).threshold()).isEqualTo(80);
    }

    @Test
    void everyVersionIsKeptAndRollbackRestoresOneAsANewVersion() {
        LearnedRules learned = learnedRules();
        accepted(learned.learn(List.of(lineCoverage(65))));
        accepted(learned.learn(List.of(lineCoverage(55), estimateBias("migration", 1.6))));
        assertThat(lineCoverageCriterion(List.of()).threshold()).isEqualTo(55);

        LearnedVersion restored = accepted(learned.rollback(1));

        assertThat(restored.version()).isEqualTo(3);
        assertThat(restored.previous()).isEqualTo(2);
        assertThat(restored.rollbackOf()).contains(1);
        assertThat(restored.patternKeys()).containsExactly("gate:library:coverage.line");
        assertThat(learned.history()).extracting(LearnedVersion::version).containsExactly(1, 2, 3);
        assertThat(learned.currentRuleFiles()).singleElement()
                .satisfies(file -> assertThat(file).hasParent(workspace.resolve("rules/learned/v0003")));
        assertThat(lineCoverageCriterion(List.of()).threshold()).isEqualTo(65);
    }

    @Test
    void rollingBackToAnUnknownVersionNamesTheVersionsThereAre() {
        LearnedRules learned = learnedRules();
        assertThatThrownBy(() -> learned.rollback(1)).isInstanceOf(CeException.class)
                .hasMessageContaining("nothing was learned yet");
        accepted(learned.learn(List.of(lineCoverage(65))));

        assertThatThrownBy(() -> learned.rollback(7)).isInstanceOf(CeException.class)
                .hasMessageContaining("no learned rules version 7").hasMessageContaining("versions are 1 to 1");
    }

    @Test
    void activateSwapsTheCurrentVersionIntoAFreshProcessesRules() {
        accepted(learnedRules().learn(List.of(lineCoverage(65))));
        RuleSets restarted = LearnedPatterns.freshRuleSets();

        LearnOutcome outcome = new LearnedRules(LearnedRuleStore.inWorkspace(workspace), restarted, List::of,
                LearnedTemplates.builtIn(), CLOCK).activate();

        assertThat(outcome).isInstanceOf(LearnOutcome.Accepted.class);
        assertThat(new DroolsGatePolicy(restarted.gates()).decide(GateRequest.of(ProjectType.LIBRARY,
                Evidence.EMPTY)).stream().filter(c -> c.metric().equals(Metrics.COVERAGE_LINE)).findFirst()
                .orElseThrow().threshold()).isEqualTo(65);
    }

    @Test
    void theCurrentVersionJoinsAFreshProcessesFirstBuildSoTheFirstCallerGetsIt() {
        accepted(learnedRules().learn(List.of(lineCoverage(65), estimateBias("migration", 1.6))));
        RuleSets restarted = LearnedPatterns.freshRuleSets();

        new LearnedRules(LearnedRuleStore.inWorkspace(workspace), restarted, List::of, LearnedTemplates.builtIn(),
                CLOCK).joinNextBuilds();

        assertThat(restarted.gates().isReady()).as("nothing compiled yet").isFalse();
        assertThat(new DroolsGatePolicy(restarted.gates()).decide(GateRequest.of(ProjectType.LIBRARY,
                Evidence.EMPTY)).stream().filter(c -> c.metric().equals(Metrics.COVERAGE_LINE)).findFirst()
                .orElseThrow().threshold()).isEqualTo(65);
        List<PlanNote> notes = new DroolsDependencyClassifier(restarted.dependencies())
                .classifyWithNotes(List.of(TaskSpec.builder("m1", "migration").build())).notes();
        assertThat(notes).extracting(PlanNote::rule).contains("learned:estimate:migration");
    }
}
