package dev.pce.rules.learned;

import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Metrics;
import dev.pce.engine.gate.ProjectType;
import dev.pce.engine.learning.Pattern;
import dev.pce.rules.learned.LearnedTemplates.Rendering;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.pce.rules.learned.LearnedPatterns.ORIGIN;
import static dev.pce.rules.learned.LearnedPatterns.estimateBias;
import static dev.pce.rules.learned.LearnedPatterns.lineCoverage;
import static dev.pce.rules.learned.LearnedPatterns.review;
import static org.assertj.core.api.Assertions.assertThat;

class LearnedTemplatesTest {
    private final LearnedTemplates templates = LearnedTemplates.builtIn();

    private List<LearnedRule> rendered(Pattern... patterns) {
        Rendering rendering = templates.render(List.of(patterns));
        assertThat(rendering.rejections()).isEmpty();
        return rendering.rules();
    }

    private List<SlotRejection> rejected(Pattern pattern) {
        Rendering rendering = templates.render(List.of(pattern));
        assertThat(rendering.rules()).as("no DRL from a pattern with an invalid slot").isEmpty();
        return rendering.rejections();
    }

    @Test
    void estimateBiasBecomesADependencyRuleNotingTheCorrection() {
        LearnedRule rule = rendered(estimateBias("migration", 1.6)).getFirst();

        assertThat(rule.fileName()).isEqualTo("001-estimate-bias.drl");
        assertThat(rule.drl()).contains("package dev.pce.rules.dependency;", "rule \"learned:estimate:migration\"",
                "TaskFact($task : id, kind == \"migration\")", "took 1.6x their estimate", "median of 5\"")
                .doesNotContain("@{");
    }

    @Test
    void reviewRequirementBecomesADependencyRuleOnTasksWritingUnderThePath() {
        LearnedRule rule = rendered(review("schema", "db/migrations/")).getFirst();

        assertThat(rule.fileName()).isEqualTo("001-review-requirement.drl");
        assertThat(rule.drl()).contains("package dev.pce.rules.dependency;",
                "rule \"learned:review:schema:db/migrations/:security\"",
                "path str[startsWith] \"db/migrations/\"", "needs a security\"").doesNotContain("@{");
    }

    @Test
    void gateThresholdBecomesAGateRuleInsertingALowestPrecedenceAdjustment() {
        LearnedRule rule = rendered(lineCoverage(65)).getFirst();

        assertThat(rule.fileName()).isEqualTo("001-gate-threshold.drl");
        assertThat(rule.drl()).contains("package dev.pce.rules.gate;",
                "new Adjustment(\"coverage.line\", 65.0, \"learned:gate:library:coverage.line\", -1)").doesNotContain("@{");
    }

    @Test
    void aLaterPatternWithTheSameKeyReplacesTheEarlierOne() {
        List<LearnedRule> rules = rendered(estimateBias("migration", 1.6), lineCoverage(65),
                estimateBias("migration", 2.0));

        assertThat(rules).extracting(LearnedRule::fileName)
                .containsExactly("001-gate-threshold.drl", "002-estimate-bias.drl");
        assertThat(rules.get(1).drl()).contains("took 2x their estimate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"migration\"; end rule x when then System.exit(0)", "mig\"ration", "mig\nration",
            "mig\\ration", "", "9lives", "kind with spaces", "${x}",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void hostileKindsAreRejectedNamingPatternSlotAndWhatIsAllowed(String kind) {
        List<SlotRejection> rejections = rejected(estimateBias(kind, 1.5));

        assertThat(rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.slot()).isEqualTo("kind");
            assertThat(rejection.pattern()).isEqualTo("estimate:" + kind);
            assertThat(rejection.describe()).contains("slot kind", Slots.KIND_ALLOWED, "No rule was made from this "
                    + "pattern", "correct the value where it comes from").doesNotContain("\n");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secrets/", "db/../../etc/", "/etc/", "db\\migrations", "db/\"; System.exit(0); \"",
            "db/\nmigrations", "db//migrations", "./db/", "db/ migrations", ""})
    void hostilePathPrefixesAreRejected(String path) {
        assertThat(rejected(review("schema", path))).singleElement()
                .satisfies(rejection -> assertThat(rejection.slot()).isEqualTo("pathPrefix"));
    }

    @Test
    void aTooLongPathPrefixIsRejected() {
        assertThat(rejected(review("schema", "a/".repeat(101)))).extracting(SlotRejection::slot)
                .containsExactly("pathPrefix");
    }

    @Test
    void numbersMustBeFiniteAndInRange() {
        assertThat(rejected(estimateBias("migration", Double.NaN))).extracting(SlotRejection::describe)
                .singleElement().asString().contains("slot factor", "factor is a finite number from 0.25 to 4");
        assertThat(rejected(lineCoverage(Double.POSITIVE_INFINITY))).extracting(SlotRejection::slot)
                .containsExactly("threshold");
        assertThat(rejected(lineCoverage(120))).extracting(SlotRejection::describe).singleElement().asString()
                .contains("0 to 100");
        assertThat(rejected(new Pattern.EstimateBias("migration", 1.5, 0, 1.5, List.of(), ORIGIN)))
                .extracting(SlotRejection::slot).containsExactly("samples", "confidence");
    }

    @Test
    void aGateMetricMustBeAJudgedMetricOfThePatternsDimension() {
        assertThat(rejected(new Pattern.GateThreshold(ProjectType.LIBRARY, Dimension.SECURITY, Metrics.COVERAGE_LINE, 50, 3, 0.9,
                List.of(), ORIGIN))).singleElement().satisfies(rejection -> {
                    assertThat(rejection.slot()).isEqualTo("metric");
                    assertThat(rejection.allowed()).contains("security.critical");
                });
        assertThat(rejected(new Pattern.GateThreshold(ProjectType.LIBRARY, Dimension.COVERAGE,
                "coverage.line\", 0, \"x\", 99)); System.exit(0); //", 50, 3, 0.9, List.of(), ORIGIN)))
                .extracting(SlotRejection::slot).containsExactly("metric");
    }

    @Test
    void oneInvalidPatternLeavesTheOthersRendered() {
        Rendering rendering = templates.render(List.of(lineCoverage(65), estimateBias("bad kind", 1.5),
                estimateBias("migration", 1.6)));

        assertThat(rendering.rules()).extracting(rule -> rule.pattern().key())
                .containsExactly("gate:library:coverage.line", "estimate:migration");
        assertThat(rendering.rejections()).extracting(SlotRejection::pattern).containsExactly("estimate:bad kind");
    }

    @Test
    void factorAndConfidenceReachTheRulesTextRoundedForPeople() {
        LearnedRule rule = rendered(new Pattern.EstimateBias("migration", 1.7500000000000002, 6, 2 / 3.0,
                List.of("wf-1"), ORIGIN)).getFirst();

        assertThat(rule.drl()).contains("took 1.75x their estimate", "confidence 0.67)")
                .doesNotContain("1.7500000000000002", "0.6666");
    }

    @Test
    void aFactorOutOfRangeIsHeldAtTheRangesEnd() {
        assertThat(rendered(estimateBias("migration", 8.9e-5)).getFirst().drl()).contains("took 0.25x");
        assertThat(rendered(estimateBias("migration", 50)).getFirst().drl()).contains("took 4x");
    }
}
