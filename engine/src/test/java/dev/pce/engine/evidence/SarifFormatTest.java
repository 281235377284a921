package dev.pce.engine.evidence;

import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Finding;
import dev.pce.engine.gate.FindingSeverity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.pce.engine.evidence.Samples.bytes;
import static dev.pce.engine.evidence.Samples.malformed;
import static dev.pce.engine.evidence.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class SarifFormatTest {
    private static final SarifFormat SARIF = new SarifFormat();

    @Test
    void codeqlSecuritySeverityDecidesTheSeverityAndQualityRulesAreLint() throws Exception {
        AnalysisResults results = SARIF.parse("codeql.sarif", bytes(Samples.CODEQL));

        assertThat(results.dimensions()).containsExactlyInAnyOrder(Dimension.SECURITY, Dimension.LINT);
        assertThat(results.findings())
                .extracting(Finding::dimension, Finding::rule, Finding::severity, Finding::file, Finding::line)
                .containsExactly(
                        tuple(Dimension.SECURITY, "java/sql-injection", FindingSeverity.HIGH,
                                "src/main/java/dev/example/billing/InvoiceRepository.java", 48),
                        tuple(Dimension.SECURITY, "java/unsafe-deserialization", FindingSeverity.CRITICAL,
                                "src/main/java/dev/example/billing/ImportController.java", 77),
                        tuple(Dimension.SECURITY, "java/weak-cryptographic-algorithm", FindingSeverity.HIGH,
                                "src/main/java/dev/example/billing/Checksums.java", 15),
                        tuple(Dimension.LINT, "java/unused-parameter", FindingSeverity.LOW,
                                "src/main/java/dev/example/billing/PdfExporter.java", 22));
        assertThat(results.findings().getFirst().message())
                .isEqualTo("This query depends on a [user-provided value](1).");
        assertThat(results.findings()).extracting(Finding::source).containsOnly("codeql.sarif");
    }

    @Test
    void semgrepSecurityTagsAndCategoryMakeSecurityFindingsAtTheRuleLevel() throws Exception {
        AnalysisResults results = SARIF.parse("semgrep.sarif", bytes(Samples.SEMGREP));

        assertThat(results.dimensions()).containsExactlyInAnyOrder(Dimension.SECURITY, Dimension.LINT);
        assertThat(results.findings()).extracting(Finding::dimension, Finding::severity, Finding::line)
                .containsExactly(
                        tuple(Dimension.SECURITY, FindingSeverity.HIGH, 42),
                        tuple(Dimension.SECURITY, FindingSeverity.MEDIUM, 12),
                        tuple(Dimension.LINT, FindingSeverity.LOW, 30));
    }

    /** A region spanning lines keeps its last line; one line, or an end before the start, keeps none. */
    @Test
    void aRegionsEndLineIsKeptWhenItSpansLines() throws Exception {
        String sarif = log("""
                {"tool":{"driver":{"name":"ESLint"}},"results":[
                  {"ruleId":"a","level":"error","message":{"text":"m"},"locations":[{"physicalLocation":
                    {"artifactLocation":{"uri":"src/a.ts"},"region":{"startLine":12,"endLine":13}}}]},
                  {"ruleId":"b","level":"error","message":{"text":"m"},"locations":[{"physicalLocation":
                    {"artifactLocation":{"uri":"src/a.ts"},"region":{"startLine":20}}}]},
                  {"ruleId":"c","level":"error","message":{"text":"m"},"locations":[{"physicalLocation":
                    {"artifactLocation":{"uri":"src/a.ts"},"region":{"startLine":9,"endLine":3}}}]}]}""");

        assertThat(SARIF.parse("a.sarif", utf8(sarif)).findings()).extracting(Finding::line, Finding::endLine)
                .containsExactly(tuple(12, 13), tuple(20, 0), tuple(9, 0));
    }

    @Test
    void eslintIsLintOnly() throws Exception {
        AnalysisResults results = SARIF.parse("eslint.sarif.json", bytes(Samples.ESLINT));

        assertThat(results.dimensions()).containsExactly(Dimension.LINT);
        assertThat(results.findings()).extracting(Finding::rule, Finding::severity, Finding::file).containsExactly(
                tuple("no-unused-vars", FindingSeverity.HIGH, "file:///home/ci/shop/src/cart/totals.ts"),
                tuple("eqeqeq", FindingSeverity.MEDIUM, "file:///home/ci/shop/src/checkout/form.ts"),
                tuple("eqeqeq", FindingSeverity.MEDIUM, "file:///home/ci/shop/src/checkout/form.ts"));
    }

    @Test
    void aCleanRunStillCoversItsDimension() throws Exception {
        String lint = log("{\"tool\":{\"driver\":{\"name\":\"ESLint\"}},\"results\":[]}");
        String scanner = log("{\"tool\":{\"driver\":{\"name\":\"Trivy\",\"rules\":[]}},\"results\":[]}");

        assertThat(SARIF.parse("a", utf8(lint)).dimensions()).containsExactly(Dimension.LINT);
        assertThat(SARIF.parse("b", utf8(scanner)).dimensions()).containsExactly(Dimension.SECURITY);
    }

    @Test
    void everyResultOfASecurityScannerIsSecurity() throws Exception {
        String trivy = log("""
                {"tool":{"driver":{"name":"Trivy","rules":[{"id":"CVE-2024-0001",
                  "defaultConfiguration":{"level":"error"},"properties":{"tags":["vulnerability","HIGH"]}}]}},
                 "results":[{"ruleId":"CVE-2024-0001","ruleIndex":0,"message":{"text":"Package: lodash\\nFixed: 4.17.21"}}]}""");
        AnalysisResults results = SARIF.parse("trivy.sarif", utf8(trivy));

        assertThat(results.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.dimension()).isEqualTo(Dimension.SECURITY);
            assertThat(finding.severity()).isEqualTo(FindingSeverity.HIGH);
            assertThat(finding.message()).isEqualTo("Package: lodash");
        });
    }

    @ParameterizedTest(name = "security-severity {0}, level {1} -> {2}")
    @CsvSource({
            "'\"10.0\"', error, CRITICAL", "'\"9.0\"', note, CRITICAL", "'\"8.9\"', note, HIGH", "7, note, HIGH",
            "'\"6.5\"', error, MEDIUM", "'\"4.0\"', error, MEDIUM", "'\"3.9\"', error, LOW", "'\"0.1\"', none, LOW",
            "'\"0\"', error, HIGH", "null, error, HIGH", "null, warning, MEDIUM", "null, note, LOW", "null, none, INFO"})
    void severityComesFromSecuritySeverityElseFromTheLevel(String score, String level, FindingSeverity expected)
            throws Exception {
        String run = """
                {"tool":{"driver":{"name":"scanner","rules":[{"id":"R1","properties":{"security-severity":%s}}]}},
                 "results":[{"ruleId":"R1","level":"%s","message":{"text":"m"}}]}""".formatted(score, level);

        assertThat(SARIF.parse("s", utf8(log(run))).findings()).singleElement()
                .extracting(Finding::severity).isEqualTo(expected);
    }

    @Test
    void theLevelDefaultsToTheRuleThenToWarningAndKindsThatAreNotFailuresAreLeftOut() throws Exception {
        String run = """
                {"tool":{"driver":{"name":"lint","rules":[{"id":"A","defaultConfiguration":{"level":"error"}},{"id":"B"}]}},
                 "results":[
                   {"ruleId":"A","message":{"text":"uses the rule's level"}},
                   {"ruleId":"B","message":{"text":"warning by default"}},
                   {"message":{"text":"no rule at all"}},
                   {"ruleId":"A","kind":"review","message":{"text":"to review: level none"}},
                   {"ruleId":"A","kind":"pass","message":{"text":"passed"}},
                   {"ruleId":"A","baselineState":"absent","message":{"text":"fixed since the baseline"}},
                   {"ruleId":"A","suppressions":[{"kind":"external","status":"rejected"}],"message":{"text":"not suppressed"}},
                   {"ruleId":"A","suppressions":[{"kind":"external","status":"accepted"}],"message":{"text":"suppressed"}}
                 ]}""";
        assertThat(SARIF.parse("s", utf8(log(run))).findings())
                .extracting(Finding::rule, Finding::severity, Finding::message).containsExactly(
                        tuple("A", FindingSeverity.HIGH, "uses the rule's level"),
                        tuple("B", FindingSeverity.MEDIUM, "warning by default"),
                        tuple("", FindingSeverity.MEDIUM, "no rule at all"),
                        tuple("A", FindingSeverity.INFO, "to review: level none"),
                        tuple("A", FindingSeverity.HIGH, "not suppressed"));
    }

    @Test
    void unknownPropertiesAreIgnored() throws Exception {
        String run = """
                {"tool":{"driver":{"name":"lint","fancy":{"x":[1,2]}}},"newThing":true,
                 "results":[{"ruleId":"A","message":{"text":"m"},"graphs":[{"id":"g"}],"rank":12.5}]}""";
        assertThat(SARIF.parse("s", utf8(log(run))).findings()).hasSize(1);
    }

    @Test
    void otherVersionsMissingRunsAndOtherJsonAreMalformed() {
        assertThat(malformed(() -> SARIF.parse("old.sarif", bytes("broken/sarif-2.0.0.sarif"))).describe())
                .isEqualTo("version: SARIF version \"2.0.0\" is not supported; PCE reads SARIF 2.1.0. Fix: produce "
                        + "SARIF 2.1.0 (upgrade the tool or its SARIF formatter).");
        assertThat(malformed(() -> SARIF.parse("n.sarif", bytes("broken/sarif-no-runs.sarif"))).getMessage())
                .isEqualTo("the log has no runs, so no tool's analysis is in it");
        assertThat(malformed(() -> SARIF.parse("p.json", utf8("{\"name\":\"shop\",\"private\":true}")))
                .getMessage()).contains("not a SARIF log");
        assertThat(malformed(() -> SARIF.parse("p.json", utf8("{\"version\":\"2.1.0\",\"runs\":[]}")))
                .getMessage()).contains("no runs");
    }

    @Test
    void structuralMistakesNameTheirJsonPath() {
        assertThat(malformed(() -> SARIF.parse("s", utf8(log(
                "{\"tool\":{\"driver\":{\"name\":\"x\"}},\"results\":[{\"level\":\"fatal\"}]}")))).describe())
                .startsWith("runs[0].results[0].level: the level \"fatal\" is not one of error, warning, note, none");
        assertThat(malformed(() -> SARIF.parse("s", utf8(log(
                "{\"tool\":{\"driver\":{\"name\":\"x\"}}}")))).describe())
                .startsWith("runs[0].results: the run of x has no results array");
        assertThat(malformed(() -> SARIF.parse("s", utf8(log("{\"tool\":{}, \"results\":[]}")))).describe())
                .startsWith("runs[0].tool.driver: expected an object, found nothing");
        assertThat(malformed(() -> SARIF.parse("s", utf8(log(
                "{\"tool\":{\"driver\":{\"name\":\"x\",\"rules\":[{\"id\":\"R\",\"properties\":"
                        + "{\"security-severity\":\"high\"}}]}},\"results\":[]}")))).describe())
                .startsWith("runs[0].tool.driver.rules[0].properties.security-severity: the security severity "
                        + "\"high\" is not a number from 0 to 10");
        assertThat(malformed(() -> SARIF.parse("s", utf8(log(
                "{\"tool\":{\"driver\":{\"name\":\"x\"}},\"results\":[{\"ruleIndex\":3}]}")))).getMessage())
                .isEqualTo("the rule index 3 names no rule of the tool");
        assertThat(malformed(() -> SARIF.parse("s", utf8(log(
                "{\"tool\":{\"driver\":{\"name\":\"x\"}},\"invocations\":[{\"executionSuccessful\":false}],"
                        + "\"results\":[]}")))).getMessage())
                .isEqualTo("x reports that its run failed (executionSuccessful: false)");
    }

    @Test
    void brokenJsonIsMalformedWithItsLine() {
        String cut = new String(bytes(Samples.ESLINT)).substring(0, 700);
        assertThat(malformed(() -> SARIF.parse("s", utf8(cut))).describe())
                .containsPattern("^line \\d+, column \\d+: the file is not valid JSON");
        assertThat(malformed(() -> SARIF.parse("s", utf8(log("{\"tool\":{\"driver\":{\"name\":\"x\"}},"
                + "\"results\":[]}") + " trailing"))).getMessage()).contains("not valid JSON");
    }

    private static String log(String run) {
        return "{\"version\":\"2.1.0\",\"runs\":[" + run + "]}";
    }
}
