package dev.pce.engine.gate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class GateResultTest {

    /** Only a BLOCKING criterion blocks: when it failed, erred, or lacks required evidence. */
    @ParameterizedTest(name = "{0} {1} required={2} blocks={3}")
    @CsvSource({
            "BLOCKING, PASS,    true,  false",
            "BLOCKING, FAIL,    true,  true",
            "BLOCKING, ERROR,   true,  true",
            "BLOCKING, MISSING, true,  true",
            "BLOCKING, MISSING, false, false",
            "BLOCKING, ERROR,   false, true",
            "BLOCKING, FAIL,    false, true",
            "WARNING,  FAIL,    true,  false",
            "WARNING,  ERROR,   true,  false",
            "WARNING,  MISSING, true,  false",
            "INFO,     FAIL,    true,  false"})
    void whatBlocks(CriterionSeverity severity, Verdict verdict, boolean required, boolean blocks) {
        CriterionResult result = criterion("c", severity, verdict, required, Optional.empty());
        assertThat(result.blocks()).isEqualTo(blocks);
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
                criterion("tests-failed", CriterionSeverity.BLOCKING, Verdict.MISSING, true, Optional.of(provide)),
                criterion("tests-ran", CriterionSeverity.BLOCKING, Verdict.MISSING, true, Optional.of(provide)),
                criterion("lint-high", CriterionSeverity.BLOCKING, Verdict.FAIL, true, Optional.of(fix))));
        assertThat(result.remediations()).containsExactly(provide, fix);
        assertThat(fix.files()).containsExactly("A.java");
        assertThat(result.blockers()).extracting(CriterionResult::criterion)
                .containsExactly("tests-failed", "tests-ran", "lint-high");
    }

    private static CriterionResult criterion(String name, CriterionSeverity severity, Verdict verdict, boolean required,
                                             Optional<Remediation> remediation) {
        return new CriterionResult(name, Dimension.TESTS, Metrics.TESTS_FAILED, Comparison.AT_MOST, 0,
                verdict == Verdict.MISSING ? OptionalDouble.empty() : OptionalDouble.of(0), severity, required,
                verdict, "rule", "reason", remediation);
    }
}
