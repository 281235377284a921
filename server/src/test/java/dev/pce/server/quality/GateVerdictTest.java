package dev.pce.server.quality;

import dev.pce.engine.Cancellation;
import dev.pce.engine.evidence.EvidenceIntake;
import dev.pce.engine.evidence.EvidenceScope;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.DimensionRequirement;
import dev.pce.engine.gate.Finding;
import dev.pce.engine.gate.FindingSeverity;
import dev.pce.engine.gate.GateRequest;
import dev.pce.engine.gate.GateResult;
import dev.pce.engine.gate.ProjectType;
import dev.pce.rules.gate.DroolsGatePolicy;
import dev.pce.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What ce gate makes of real evidence files in a real project, judged by the real gate rules: failing tests with
 * their files and lines, findings with their regions, the annotations and the step summary.
 */
class GateVerdictTest {
    private static final DroolsGatePolicy POLICY = new DroolsGatePolicy();

    @TempDir
    Path repo;

    @Test
    void aFailingTestIsAnnotatedOnItsSourceFileFoundFromItsClassAtTheLineItsTraceNames() throws IOException {
        write("billing/src/test/java/dev/example/billing/InvoiceServiceTest.java", "class InvoiceServiceTest {}");
        Path report = write("billing/target/surefire-reports/TEST-dev.example.billing.InvoiceServiceTest.xml", """
                <testsuite name="dev.example.billing.InvoiceServiceTest" tests="3" failures="1" errors="1">
                  <testcase name="totals" classname="dev.example.billing.InvoiceServiceTest"/>
                  <testcase name="roundsHalfEven" classname="dev.example.billing.InvoiceServiceTest">
                    <failure message="expected: &lt;10.02&gt; but was: &lt;10.03&gt;">org.opentest4j.AssertionFailedError
                	at org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
                	at dev.example.billing.InvoiceServiceTest.roundsHalfEven(InvoiceServiceTest.java:58)</failure>
                  </testcase>
                  <testcase name="nested" classname="dev.example.billing.InvoiceServiceTest$Rounding">
                    <error message="boom">at dev.example.billing.InvoiceServiceTest$Rounding.nested(InvoiceServiceTest.java:71)</error>
                  </testcase>
                </testsuite>
                """);

        GateVerdict verdict = judge(ProjectType.CLI, Set.of(), report);

        assertThat(verdict.failingTests()).containsExactly(
                new FailingTest("dev.example.billing.InvoiceServiceTest.roundsHalfEven",
                        Optional.of("billing/src/test/java/dev/example/billing/InvoiceServiceTest.java"),
                        OptionalInt.of(58), "expected: <10.02> but was: <10.03>", "billing/target/surefire-reports/"
                        + "TEST-dev.example.billing.InvoiceServiceTest.xml"),
                new FailingTest("dev.example.billing.InvoiceServiceTest$Rounding.nested",
                        Optional.of("billing/src/test/java/dev/example/billing/InvoiceServiceTest.java"),
                        OptionalInt.of(71), "boom", "billing/target/surefire-reports/"
                        + "TEST-dev.example.billing.InvoiceServiceTest.xml"));
        assertThat(Annotations.of(verdict)).containsExactly(
                "::error file=billing/src/test/java/dev/example/billing/InvoiceServiceTest.java,line=58,"
                        + "title=Failed test dev.example.billing.InvoiceServiceTest.roundsHalfEven::expected: <10.02>"
                        + " but was: <10.03>",
                "::error file=billing/src/test/java/dev/example/billing/InvoiceServiceTest.java,line=71,"
                        + "title=Failed test dev.example.billing.InvoiceServiceTest$Rounding.nested::boom");
        assertThat(StepSummary.markdown(verdict)).contains("### Quality gate (cli): blocked",
                "| tests-failed | tests | 1 | <= 0 | **fail** | blocking | tests-no-failures |",
                "| lint-high | lint | - | <= 0 | not measured | blocking | lint-no-critical-or-high |",
                "Failing tests (2):",
                "- `dev.example.billing.InvoiceServiceTest.roundsHalfEven` at billing/src/test/java/dev/example/billing/"
                        + "InvoiceServiceTest.java:58: expected: <10.02> but was: <10.03>",
                "Not measured, and not required: coverage, lint, security, review, docs, performance");
    }

    @Test
    void aTestWhoseFileNeitherTheReportNorTheSourcesGiveIsAnnotatedWithoutOne() throws IOException {
        Path report = write("TEST-x.xml", """
                <testsuite name="x"><testcase name="t" classname="dev.gone.GoneTest"><failure message="m">at \
                dev.gone.GoneTest.t(GoneTest.java:9)</failure></testcase></testsuite>
                """);
        GateVerdict verdict = judge(ProjectType.CLI, Set.of(), report);
        assertThat(verdict.failingTests()).singleElement().satisfies(test -> {
            assertThat(test.file()).isEmpty();
            assertThat(test.line()).hasValue(9);
        });
        assertThat(Annotations.of(verdict)).containsExactly("::error title=Failed test dev.gone.GoneTest.t::m");
    }

    @Test
    void aSarifFindingIsAnnotatedOnItsRegionAndEveryPropertyAndMessageIsEscaped() throws IOException {
        Path sarif = write("build/lint.sarif", """
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "ESLint"}}, "results": [
                  {"ruleId": "no-eval", "level": "error", "message": {"text": "100%% unsafe: eval, really\\nsecond line"},
                   "locations": [{"physicalLocation": {"artifactLocation": {"uri": "%ssrc/a,b:c.js"},
                                  "region": {"startLine": 12, "endLine": 13}}}]},
                  {"ruleId": "semi", "level": "warning", "message": {"text": "missing semicolon"},
                   "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/d.js"},
                                  "region": {"startLine": 4}}}]}]}]}
                """.formatted(repo.toUri()));
        GateVerdict verdict = judge(ProjectType.SERVICE, Set.of(Dimension.LINT), sarif);

        assertThat(verdict.dimensions()).containsExactly(Dimension.LINT);
        assertThat(verdict.blocking()).isTrue();
        assertThat(verdict.findings()).extracting(Finding::file, Finding::line, Finding::endLine, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("src/a,b:c.js", 12, 13, FindingSeverity.HIGH),
                        org.assertj.core.groups.Tuple.tuple("src/d.js", 4, 0, FindingSeverity.MEDIUM));
        assertThat(Annotations.of(verdict)).containsExactly("::error file=src/a%2Cb%3Ac.js,line=12,endLine=13,"
                + "title=lint-high%3A no-eval::100%25 unsafe: eval, really");
        assertThat(Annotations.data("a%b\r\nc")).isEqualTo("a%25b%0D%0Ac");
        assertThat(Annotations.property("t: a, b%")).isEqualTo("t%3A a%2C b%25");
    }

    @Test
    void aRequiredDimensionWithoutEvidenceIsOneAnnotationTitledWithItsTask() throws IOException {
        Path junit = write("TEST-ok.xml", "<testsuite name=\"ok\"><testcase name=\"t\" classname=\"Ok\"/></testsuite>");
        GateVerdict verdict = judge(ProjectType.LIBRARY, Set.of(), junit);

        assertThat(verdict.blockers()).containsExactly("coverage-line");
        assertThat(Annotations.of(verdict)).singleElement().asString()
                .startsWith("::error title=Provide the coverage evidence::coverage-line not measured: No evidence"
                        + " measured coverage.line; coverage is required (rule 'coverage-required-library'");
    }

    @Test
    void unreadableEvidenceIsAnnotatedOnItsFileOnce() throws IOException {
        Path broken = write("target/TEST-broken.xml", "<testsuite name=\"x\"><testcase name=\"t\">");
        GateVerdict verdict = judge(ProjectType.CLI, Set.of(), broken);

        assertThat(verdict.evidenceRead()).singleElement().satisfies(file -> {
            assertThat(file.file()).isEqualTo("target/TEST-broken.xml");
            assertThat(file.problem()).isPresent();
        });
        assertThat(Annotations.of(verdict)).singleElement().asString()
                .startsWith("::error file=target/TEST-broken.xml,title=Repair the tests evidence::tests-errors error:");
    }

    @Test
    void beyondTheLimitOneLastAnnotationCountsTheRest() throws IOException {
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < Annotations.MAX + 7; i++) {
            cases.append("<testcase name=\"t").append(i).append("\" classname=\"C\"><failure message=\"no\"/></testcase>");
        }
        Path junit = write("TEST-many.xml", "<testsuite name=\"many\">" + cases + "</testsuite>");
        List<String> lines = Annotations.of(judge(ProjectType.CLI, Set.of(), junit));
        assertThat(lines).hasSize(Annotations.MAX + 1);
        assertThat(lines.getLast()).isEqualTo("::warning title=More annotations::7 more annotations were left out;"
                + " the step summary lists every criterion and failing test.");
    }

    @Test
    void repoPathsAreRelativeToTheRootWhenInsideIt() {
        RepoPaths paths = new RepoPaths(repo);
        assertThat(paths.relative(repo.resolve("src/A.java").toString())).isEqualTo("src/A.java");
        assertThat(paths.relative("./src//B.java")).isEqualTo("src/B.java");
        assertThat(paths.relative(repo.toUri() + "src/C.java")).isEqualTo("src/C.java");
        assertThat(paths.relative("/elsewhere/D.java")).isEqualTo("/elsewhere/D.java");
        assertThat(paths.relative("https://example.org/E.java")).isEqualTo("https://example.org/E.java");
        assertThat(paths.relative("")).isEmpty();
    }

    /** Reads the files as ce gate does and judges them with the project's requirements and the selection's. */
    private GateVerdict judge(ProjectType type, Set<Dimension> selection, Path... files) {
        EvidenceIntake intake = EvidenceIntake.read(List.of(files), EvidenceScope.ANYWHERE, Cancellation.none());
        List<DimensionRequirement> required = selection.stream()
                .map(d -> new DimensionRequirement(d, "--dimension " + d.wireName())).toList();
        GateResult result = POLICY.evaluate(new GateRequest(type, intake.evidence(), intake.sources(), List.of(),
                required));
        return GateVerdict.of(GateVerdict.FILES_GATE, Optional.empty(), type.wireName(), selection, result.criteria(),
                intake.evidence(), intake.files(), new RepoPaths(repo));
    }

    private Path write(String relative, String text) {
        return TestFiles.write(repo.resolve(relative), text);
    }
}
