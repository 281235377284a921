package dev.pce.engine.gate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class GateResultTest {

    /**
     * A BLOCKING criterion blocks when it failed or erred; any required criterion blocks when it was not measured
     * (a required dimension must be measured); a criterion that is not required never blocks for lack of evidence.
     */
    @ParameterizedTest(name = "{0} {1} required={2} blocks={3}")
    @CsvSource({
            "BLOCKING, PASS,         true,  false",
            "BLOCKING, FAIL,         true,  true",
            "BLOCKING, ERROR,        true,  true",
            "BLOCKING, NOT_MEASURED, true,  true",
            "BLOCKING, NOT_MEASURED, false, false",
            "BLOCKING, ERROR,        false, true",
            "BLOCKING, FAIL,         false, true",
            "WARNING,  FAIL,         true,  false",
            "WARNING,  ERROR,        true,  false",
            "WARNING,  NOT_MEASURED, true,  true",
            "WARNING,  NOT_MEASURED, false, false",
            "INFO,     FAIL,         true,  false"})
    void whatBlocks(CriterionSeverity severity, Verdict verdict, boolean required, boolean blocks) {
        CriterionResult result = criterion("c", severity, verdict, required, Optional.empty());
        assertThat(result.blocks()).isEqualTo(blocks);
        assertThat(result.unmet()).as("unmet").isEqualTo(verdict != Verdict.PASS
                && (verdict != Verdict.NOT_MEASURED || required));
        assertThat(new GateResult(List.of(result)).blocking()).isEqualTo(blocks);
    }

    @Test
    void aGateOfPassesDoesNotBlockAndNeedsNothing() {
        GateResult result = new GateResult(List.of(
                criterion("a", CriterionSeverity.BLOCKING, Verdict.PASS, true, Optional.empty()),
                criterion("b", CriterionSeverity.WARNING, Verdict.PASS, true, Optional.empty())));
        assertThat(result.blocking()).isFalse();
        assertThat(result.blockers()).isEmpty();
        assertThat(result.remediations()).isEmpty();
        assertThat(result.criterion("b")).isPresent();
        assertThat(result.criterion("z")).isEmpty();
    }

    @Test
    void sharedRemediationsAreListedOnce() {
        Remediation provide = new Remediation("Provide the tests evidence", "builders", List.of(), "no tests");
        Remediation fix = new Remediation("Fix the lint findings", "builders", List.of("A.java", "A.java"), "1 high");
        GateResult result = new GateResult(List.of(
                criterion("tests-failed", CriterionSeverity.BLOCKING, Verdict.NOT_MEASURED, true, Optional.of(provide)),
                criterion("tests-ran", CriterionSeverity.BLOCKING, Verdict.NOT_MEASURED, true, Optional.of(provide)),
                criterion("lint-high", CriterionSeverity.BLOCKING, Verdict.FAIL, true, Optional.of(fix))));
        assertThat(result.remediations()).containsExactly(provide, fix);
        assertThat(fix.files()).containsExactly("A.java");
        assertThat(result.blockers()).extracting(CriterionResult::criterion)
                .containsExactly("tests-failed", "tests-ran", "lint-high");
    }

    /** Gate events written before the verdict was named "not_measured" still read. */
    @Test
    void theVerdictReadsItsWireNamesAndTheOldMissing() throws Exception {
        var json = dev.pce.engine.Json.mapper();
        assertThat(json.writeValueAsString(Verdict.NOT_MEASURED)).isEqualTo("\"not_measured\"");
        assertThat(json.readValue("\"not_measured\"", Verdict.class)).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(json.readValue("\"missing\"", Verdict.class)).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(Verdict.parse("not measured")).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(Verdict.NOT_MEASURED.words()).isEqualTo("not measured");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Verdict.parse("unknown"))
                .hasMessageContaining("use pass, fail, error or not_measured");
    }

    @Test
    void aCriterionConcernsTheFindingsOfItsDimensionAndCountedSeverity() {
        CriterionResult lintHigh = new CriterionResult("lint-high", Dimension.LINT, "lint.high", Comparison.AT_MOST, 0,
                OptionalDouble.of(1), CriterionSeverity.BLOCKING, false, Verdict.FAIL, "r", "why", Optional.empty());
        CriterionResult testsFailed = criterion("tests-failed", CriterionSeverity.BLOCKING, Verdict.FAIL, true,
                Optional.empty());
        Finding high = Finding.at(Dimension.LINT, "eqeqeq", FindingSeverity.HIGH, "a.js", 3, "m", "lint.sarif");
        Finding medium = Finding.at(Dimension.LINT, "semi", FindingSeverity.MEDIUM, "a.js", 4, "m", "lint.sarif");
        Finding test = Finding.at(Dimension.TESTS, "FooTest.bar", FindingSeverity.HIGH, "", 0, "m", "TEST-x.xml");
        assertThat(lintHigh.concerns(high)).isTrue();
        assertThat(lintHigh.concerns(medium)).isFalse();
        assertThat(lintHigh.concerns(test)).isFalse();
        assertThat(testsFailed.concerns(test)).isTrue();
        assertThat(testsFailed.concerns(high)).isFalse();
    }

    private static CriterionResult criterion(String name, CriterionSeverity severity, Verdict verdict, boolean required,
                                             Optional<Remediation> remediation) {
        return new CriterionResult(name, Dimension.TESTS, Metrics.TESTS_FAILED, Comparison.AT_MOST, 0,
                verdict == Verdict.NOT_MEASURED ? OptionalDouble.empty() : OptionalDouble.of(0), severity, required,
                verdict, "rule", "reason", remediation);
    }
}
