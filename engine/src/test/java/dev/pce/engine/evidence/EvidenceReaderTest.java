package dev.pce.engine.evidence;

import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Evidence;
import dev.pce.engine.gate.EvidenceProblem;
import dev.pce.engine.gate.Finding;
import dev.pce.engine.gate.FindingSeverity;
import dev.pce.engine.gate.Measurement;
import dev.pce.engine.gate.Metrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.pce.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EvidenceReaderTest {
    private static final EvidenceReader READER = EvidenceReader.ofAllFormats();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            Samples.SUREFIRE + ", JUnit XML", Samples.PYTEST + ", JUnit XML", Samples.PYTEST_BARE + ", JUnit XML",
            Samples.JEST + ", JUnit XML", Samples.JACOCO + ", JaCoCo XML", Samples.COBERTURA + ", Cobertura XML",
            Samples.LCOV + ", LCOV", Samples.CODEQL + ", SARIF", Samples.SEMGREP + ", SARIF", Samples.ESLINT + ", SARIF"})
    void theFormatIsDetectedFromTheContent(String sample, String format) throws Exception {
        assertThat(EvidenceFormats.ALL.detect(Samples.bytes(sample)).name()).isEqualTo(format);
        assertThat(READER.readFile(Samples.path(sample))).isNotInstanceOf(UnreadableFile.class);
    }

    @Test
    void theNameOfAnExplicitFileDoesNotMatter(@TempDir Path dir) throws Exception {
        Path renamed = Files.write(dir.resolve("results.txt"), Samples.bytes(Samples.JACOCO));
        Path bom = Files.write(dir.resolve("with-bom.data"),
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n'}, Samples.bytes(Samples.LCOV)));

        assertThat(READER.readFile(renamed)).isInstanceOf(CoverageResults.class);
        assertThat(READER.readFile(bom)).isInstanceOf(CoverageResults.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "TEST-truncated.xml | as JUnit XML: line 18, column 19: the file is not well-formed XML (The content of "
                    + "elements must consist of well-formed character data or markup.). Fix: regenerate the report",
            "wrong-root-junit.xml | line 2, <checkstyle>: the root element is <checkstyle>, but a known evidence "
                    + "report starts with <testsuites> or <testsuite> or <report> or <coverage>",
            "sarif-2.0.0.sarif | as SARIF: version: SARIF version \"2.0.0\" is not supported",
            "sarif-no-runs.sarif | as SARIF: runs: the log has no runs",
            "garbage.sarif | the file is binary, not a text report",
            "empty-junit.xml | the file is empty. Fix: check that the tool ran to the end",
            "TEST-unnamed-testcase.xml | as JUnit XML: line 4, <testcase>: <testcase> has no 'name' attribute",
            "jacoco-bad-counter.xml | as JaCoCo XML: line 1, <counter>: <counter> has missed=\"three\""})
    void aBrokenFileIsAProblemNamingTheFileWhereAndHowToFix(String name, String expected) {
        Path file = Samples.path("broken/" + name);

        Evidence evidence = READER.read(List.of(file));

        assertThat(evidence.measurements()).isEmpty();
        assertThat(evidence.findings()).isEmpty();
        assertThat(evidence.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(file.toString());
            assertThat(problem.message()).contains(expected).contains("Fix: ");
        });
    }

    @Test
    void textOfNoKnownFormatIsAProblem() {
        ParsedFile parsed = READER.parse("notes.txt", Samples.utf8("Tests run: 12, Failures: 0\n"));
        assertThat(parsed).isEqualTo(UnreadableFile.of("notes.txt", "line 1: the file is of no known evidence "
                + "format (it starts with 'Tests run: 12, Failures: 0'). Fix: pass a JUnit XML, JaCoCo XML, "
                + "Cobertura XML, LCOV or SARIF report."));
    }

    @Test
    void xmlIsDecodedInItsDeclaredEncodingAndInvalidBytesAreAProblemWithTheirLine() {
        byte[] latin1 = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<testsuite name=\"s\">"
                + "<testcase name=\"caf\u00e9\"><failure message=\"na\u00efve\"/></testcase></testsuite>")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] notUtf8 = ("<?xml version=\"1.0\"?>\n<testsuite name=\"s\">\n<testcase name=\"caf\u00e9\"/>"
                + "</testsuite>").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(READER.parse("latin1.xml", latin1)).isInstanceOfSatisfying(TestResults.class, results ->
                assertThat(results.failures()).singleElement().extracting(Finding::rule, Finding::message)
                        .containsExactly("caf\u00e9", "na\u00efve"));
        assertThat(READER.parse("bad.xml", notUtf8)).isInstanceOfSatisfying(UnreadableFile.class, bad ->
                assertThat(bad.problem().message()).startsWith("line 3: the file is not valid UTF-8 (byte 62)"));
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedUnread(@TempDir Path dir) throws IOException {
        Path huge = dir.resolve("TEST-huge.xml");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(EvidenceReader.MAX_FILE_BYTES + 1);   // sparse: costs no disk
        }
        assertThat(READER.readFile(huge)).isInstanceOfSatisfying(UnreadableFile.class, unreadable ->
                assertThat(unreadable.problem().message()).startsWith("the file is larger than 64 MiB"));
    }

    @Test
    void missingPathsEmptyDirectoriesAndDirectoriesReadAsFilesAreProblems(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("target/surefire-reports");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("README.md"), "# not evidence\n");

        Evidence evidence = READER.read(List.of(missing, empty));

        assertThat(evidence.problems()).extracting(EvidenceProblem::file, p -> p.message().split("\\.")[0])
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(missing.toString(), "no such file or directory"),
                        org.assertj.core.groups.Tuple.tuple(empty.toString(), "the directory holds no evidence files "
                                + "(looked for TEST-*"));
        assertThat(READER.readFile(empty)).isInstanceOf(UnreadableFile.class);
    }

    @Test
    void aDirectoryIsWalkedForKnownNamesSkippingHiddenDirectoriesAndNodeModules(@TempDir Path root)
            throws IOException {
        Path project = root.resolve("project");
        copy(Samples.SUREFIRE, project.resolve("target/surefire-reports/TEST-dev.example.billing.InvoiceServiceTest.xml"));
        copy(Samples.PYTEST_BARE, project.resolve("target/surefire-reports/TEST-tests.test_slug.xml"));
        write(project.resolve("target/surefire-reports/dev.example.billing.InvoiceServiceTest.txt"), "Tests run: 5");
        copy(Samples.JACOCO, project.resolve("target/site/jacoco/jacoco.xml"));
        write(project.resolve("target/site/jacoco/index.html"), "<html></html>");
        copy(Samples.JEST, project.resolve("web/reports/junit.xml"));
        copy(Samples.LCOV, project.resolve("web/coverage/lcov.info"));
        copy("broken/TEST-truncated.xml", project.resolve("web/node_modules/some-lib/junit.xml"));
        copy("broken/garbage.sarif", project.resolve(".cache/scan.sarif"));
        copy(Samples.ESLINT, project.resolve("reports/eslint.sarif"));
        copy(Samples.CODEQL, project.resolve("reports/java.sarif.json"));
        write(project.resolve("pom.xml"), "<project/>");

        List<ParsedFile> files = READER.readAll(List.of(project));

        assertThat(files).extracting(file -> project.relativize(Path.of(file.source())).toString().replace('\\', '/'))
                .containsExactly("reports/eslint.sarif", "reports/java.sarif.json", "target/site/jacoco/jacoco.xml",
                        "target/surefire-reports/TEST-dev.example.billing.InvoiceServiceTest.xml",
                        "target/surefire-reports/TEST-tests.test_slug.xml", "web/coverage/lcov.info",
                        "web/reports/junit.xml");
        assertThat(files).noneMatch(file -> file instanceof UnreadableFile);
    }

    @Test
    void aLinkInAWalkedDirectoryIsReadOnlyWhenItsTargetLiesInsideTheScope(@TempDir Path root) throws IOException {
        Path project = root.resolve("project");
        Path secret = copy(Samples.SUREFIRE, root.resolve("elsewhere/TEST-secret.xml"));
        Path inside = copy(Samples.SUREFIRE, project.resolve("build/TEST-real.xml"));
        Path reports = Files.createDirectories(project.resolve("target/surefire-reports"));
        Files.createSymbolicLink(reports.resolve("TEST-escape.xml"), secret);
        Files.createSymbolicLink(reports.resolve("TEST-inside.xml"), inside);
        Files.createSymbolicLink(reports.resolve("TEST-dangling.xml"), root.resolve("gone.xml"));
        Path realProject = project.toRealPath();
        EvidenceScope projectOnly = realFile -> realFile.startsWith(realProject);

        List<ParsedFile> files = READER.readAll(List.of(reports), projectOnly);

        Map<String, ParsedFile> byName = files.stream()
                .collect(Collectors.toMap(file -> Path.of(file.source()).getFileName().toString(), file -> file));
        assertThat(byName.get("TEST-inside.xml")).isNotInstanceOf(UnreadableFile.class);
        assertThat(byName.get("TEST-escape.xml")).isInstanceOfSatisfying(UnreadableFile.class, refused ->
                assertThat(refused.problem().message()).contains("leads outside", "not read")
                        .doesNotContain(secret.toString()));
        assertThat(byName.get("TEST-dangling.xml")).isInstanceOf(UnreadableFile.class);
        // Without a scope (paths a person gave on the command line) the same link is followed.
        assertThat(READER.readAll(List.of(reports.resolve("TEST-escape.xml"))).getFirst())
                .isNotInstanceOf(UnreadableFile.class);
    }

    @Test
    void filesOfOneKindAggregateIntoOneSetOfMeasurements(@TempDir Path root) throws IOException {
        Path surefire = copy(Samples.SUREFIRE, root.resolve("a/TEST-one.xml"));
        Path pytest = copy(Samples.PYTEST_BARE, root.resolve("a/TEST-two.xml"));
        Path jest = copy(Samples.JEST, root.resolve("b/junit.xml"));
        Path jacoco = copy(Samples.JACOCO, root.resolve("b/jacoco.xml"));
        Path lcov = copy(Samples.LCOV, root.resolve("c/lcov.info"));
        Path eslint = copy(Samples.ESLINT, root.resolve("c/eslint.sarif"));
        Path codeql = copy(Samples.CODEQL, root.resolve("c/codeql.sarif"));

        // The directory "a" and the file inside it given again: each file is read once.
        Evidence evidence = READER.read(List.of(root.resolve("a"), surefire, jest, jacoco, lcov, eslint,
                codeql));

        assertThat(evidence.problems()).isEmpty();
        Map<String, Measurement> byMetric = evidence.measurements().stream()
                .collect(Collectors.toMap(Measurement::metric, m -> m));
        // 5 + 2 + 5 tests; failed 1 + 0 + 1; errors 1; skipped 1 + 0 + 1; passed 7 of the 10 that ran
        assertThat(byMetric.get(Metrics.TESTS_TOTAL).value()).isEqualTo(12);
        assertThat(byMetric.get(Metrics.TESTS_FAILED).value()).isEqualTo(2);
        assertThat(byMetric.get(Metrics.TESTS_ERRORS).value()).isEqualTo(1);
        assertThat(byMetric.get(Metrics.TESTS_SKIPPED).value()).isEqualTo(2);
        assertThat(byMetric.get(Metrics.TESTS_PASS_RATE).value()).isEqualTo(70.0);
        assertThat(byMetric.get(Metrics.TESTS_TOTAL).source()).isEqualTo(surefire + ", " + pytest + ", " + jest);
        // lines 17/29 + 9/12, branches 5/12 + 2/6
        assertThat(byMetric.get(Metrics.COVERAGE_LINE).value()).isCloseTo(100.0 * 26 / 41, within(1e-9));
        assertThat(byMetric.get(Metrics.COVERAGE_BRANCH).value()).isCloseTo(100.0 * 7 / 18, within(1e-9));
        assertThat(byMetric.get(Metrics.COVERAGE_LINE).source()).isEqualTo(jacoco + ", " + lcov);
        // ESLint: 1 error, 2 warnings; CodeQL: 1 note-level quality finding, 3 security findings
        assertThat(byMetric.get(Metrics.findings(Dimension.LINT, FindingSeverity.HIGH)).value()).isEqualTo(1);
        assertThat(byMetric.get(Metrics.findings(Dimension.LINT, FindingSeverity.MEDIUM)).value()).isEqualTo(2);
        assertThat(byMetric.get(Metrics.findings(Dimension.LINT, FindingSeverity.LOW)).value()).isEqualTo(1);
        assertThat(byMetric.get(Metrics.findings(Dimension.LINT, FindingSeverity.CRITICAL)).value()).isZero();
        assertThat(byMetric.get(Metrics.findings(Dimension.LINT, FindingSeverity.LOW)).source())
                .isEqualTo(eslint + ", " + codeql);
        assertThat(byMetric.get(Metrics.findings(Dimension.SECURITY, FindingSeverity.CRITICAL)).value()).isEqualTo(1);
        assertThat(byMetric.get(Metrics.findings(Dimension.SECURITY, FindingSeverity.HIGH)).value()).isEqualTo(2);
        assertThat(byMetric.get(Metrics.findings(Dimension.SECURITY, FindingSeverity.INFO)).source())
                .isEqualTo(codeql.toString());
        assertThat(evidence.measurements()).hasSize(5 + 2 + 5 + 5);
        // 2 failing tests from Surefire, 1 from jest; 3 ESLint findings; 4 CodeQL findings
        assertThat(evidence.findings()).hasSize(3 + 3 + 4);
    }

    @Test
    void aBrokenFileBesideGoodOnesLeavesTheirMeasurementsAndAddsAProblem(@TempDir Path root) throws IOException {
        copy(Samples.SUREFIRE, root.resolve("TEST-good.xml"));
        Path broken = copy("broken/TEST-truncated.xml", root.resolve("TEST-cut.xml"));

        Evidence evidence = READER.read(List.of(root));

        assertThat(evidence.measurements()).extracting(Measurement::metric).contains(Metrics.TESTS_TOTAL);
        assertThat(evidence.problems()).singleElement().extracting(EvidenceProblem::file)
                .isEqualTo(broken.toString());
    }

    @Test
    void knownNames() {
        assertThat(List.of("TEST-a.b.CTest.xml", "junit.xml", "jest-junit.xml", "report-JUnit.xml", "jacoco.xml",
                "cobertura.xml", "cobertura-coverage.xml", "coverage.xml", "lcov.info", "app.lcov", "x.sarif",
                "eslint.sarif.json")).allMatch(EvidenceFormats.ALL::isReportName);
        assertThat(List.of("test-config.xml", "pom.xml", "TEST-notes.txt", "coverage-summary.json", "lcov.txt",
                "sarif.json", "index.html")).noneMatch(EvidenceFormats.ALL::isReportName);
    }

    private static Path copy(String sample, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        return Files.write(target, Samples.bytes(sample));
    }


    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
