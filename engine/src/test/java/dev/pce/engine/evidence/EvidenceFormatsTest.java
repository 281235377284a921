package dev.pce.engine.evidence;

import dev.pce.engine.Cancellation;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Evidence;
import dev.pce.engine.gate.Measurement;
import dev.pce.engine.gate.Metrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry of formats is the one place detection, directory walks, reading and dimension inference look. */
class EvidenceFormatsTest {

    private static final String TAP = "TAP version 13\n1..3\nok 1 - adds\nnot ok 2 - divides by zero\nok 3 - rounds\n";

    @TempDir
    Path dir;

    @Test
    void aFormatRegisteredInARegistryIsDetectedReadAndMappedWithoutAnyOtherEdit() throws Exception {
        EvidenceFormats withTap = new EvidenceFormats(Stream.concat(EvidenceFormats.ALL.list().stream(),
                Stream.of(new TapFormat())).toList());
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Files.writeString(reports.resolve("unit.tap"), TAP);
        Files.writeString(reports.resolve("cut.tap"), "TAP version 13\nok 1 - adds\n");
        Files.write(reports.resolve("TEST-a.xml"), Samples.bytes(Samples.SUREFIRE));
        Files.writeString(reports.resolve("notes.txt"), "not evidence\n");

        assertThat(withTap.detect(Samples.utf8(TAP))).isInstanceOf(TapFormat.class);
        List<EvidenceFile> read = new EvidenceReader(withTap).readEach(List.of(reports), EvidenceScope.ANYWHERE,
                Cancellation.none());

        Map<String, EvidenceFile> byName = read.stream().collect(Collectors.toMap(
                file -> Path.of(file.source()).getFileName().toString(), Function.identity()));
        assertThat(byName).containsOnlyKeys("unit.tap", "cut.tap", "TEST-a.xml");
        assertThat(byName.get("unit.tap").parsed()).isInstanceOfSatisfying(TestResults.class, tests ->
                assertThat(tests.counts()).isEqualTo(new TestCounts(3, 1, 0, 0)));
        assertThat(byName.get("unit.tap").dimensions()).containsExactly(Dimension.TESTS);
        assertThat(byName.get("cut.tap").parsed()).isInstanceOfSatisfying(UnreadableFile.class, cut ->
                assertThat(cut.problem().message()).isEqualTo("as TAP: the output has no plan (1..N). Fix: let the "
                        + "run finish."));
        assertThat(byName.get("cut.tap").dimensions()).containsExactly(Dimension.TESTS);
        Evidence merged = EvidenceMerger.merge(read.stream().map(EvidenceFile::parsed).toList());
        assertThat(merged.measurements()).filteredOn(m -> m.metric().equals(Metrics.TESTS_TOTAL))
                .extracting(Measurement::value).containsExactly(3.0 + 5.0);
        assertThat(new EvidenceReader(withTap).parse("notes.txt", Samples.utf8("not evidence\n")))
                .isEqualTo(UnreadableFile.of("notes.txt", "line 1: the file is of no known evidence format (it "
                        + "starts with 'not evidence'). Fix: pass a JUnit XML, JaCoCo XML, Cobertura XML, LCOV, SARIF "
                        + "or TAP report."));
    }

    @Test
    void aFormatNotRegisteredIsNeitherFoundNorDetected() throws IOException {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Path tap = Files.writeString(reports.resolve("unit.tap"), TAP);
        EvidenceReader reader = EvidenceReader.ofAllFormats();

        assertThat(reader.read(List.of(reports)).problems()).singleElement().satisfies(problem ->
                assertThat(problem.message()).startsWith("the directory holds no evidence files (looked for "
                        + "TEST-*.xml, *junit*.xml, jacoco.xml, cobertura*.xml, coverage.xml, lcov.info, *.lcov, "
                        + "*.sarif, *.sarif.json)"));
        assertThat(reader.readFile(tap)).isInstanceOfSatisfying(UnreadableFile.class, unreadable ->
                assertThat(unreadable.problem().message()).startsWith("line 1: the file is of no known evidence "
                        + "format (it starts with 'TAP version 13'). Fix: pass a JUnit XML, JaCoCo XML, Cobertura "
                        + "XML, LCOV or SARIF report."));
    }

    @Test
    void theFormatsPceReadsAreListedOnceInOrder() {
        assertThat(EvidenceFormats.ALL.list()).extracting(EvidenceFormat::name)
                .containsExactly("JUnit XML", "JaCoCo XML", "Cobertura XML", "LCOV", "SARIF");
        assertThat(EvidenceFormats.ALL.names()).isEqualTo("JUnit XML, JaCoCo XML, Cobertura XML, LCOV or SARIF");
        assertThat(new EvidenceFormats(List.of(new TapFormat())).names()).isEqualTo("TAP");
    }

    @Test
    void eachFormatReadsItsSampleIntoTheDimensionsItMeasures() {
        Map<String, String> samples = Map.of("JUnit XML", Samples.SUREFIRE, "JaCoCo XML", Samples.JACOCO,
                "Cobertura XML", Samples.COBERTURA, "LCOV", Samples.LCOV, "SARIF", Samples.CODEQL);
        for (EvidenceFormat format : EvidenceFormats.ALL.list()) {
            String sample = samples.get(format.name());
            List<EvidenceFile> read = EvidenceReader.ofAllFormats().readEach(List.of(Samples.path(sample)),
                    EvidenceScope.ANYWHERE, Cancellation.none());
            assertThat(read).as(sample).singleElement().satisfies(file -> {
                assertThat(file.parsed()).isNotInstanceOf(UnreadableFile.class);
                assertThat(file.dimensions()).isEqualTo(format.dimensions());
            });
        }
    }

    /** What a file that cannot be read was meant for, by its name: the first format whose hints match decides. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "target/surefire-reports/TEST-cut.xml | tests",
            "reports/Test-results.json | tests",
            "web/JUnit-out.txt | tests",
            "build/test-coverage.xml | tests",
            "target/site/jacoco/jacoco.csv | coverage",
            "coverage-summary.json | coverage",
            "coverage.sarif | coverage",
            "web/coverage/lcov.txt | coverage",
            "reports/eslint.sarif | lint security",
            "sarif.json | lint security",
            "notes.txt | ''",
            "target/surefire-reports | ''"})
    void anUnreadableFileIsJudgedByItsName(String path, String dimensions) {
        Set<Dimension> expected = EnumSet.noneOf(Dimension.class);
        for (String name : dimensions.split(" ")) {
            if (!name.isEmpty()) {
                expected.add(Dimension.parse(name));
            }
        }
        assertThat(EvidenceFormats.ALL.dimensionsByName(path)).isEqualTo(expected);
        EvidenceFile missing = EvidenceReader.ofAllFormats().readEach(List.of(dir.resolve(path)),
                EvidenceScope.ANYWHERE, Cancellation.none()).getFirst();
        assertThat(missing.dimensions()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
            "TEST-*.xml, TEST-a.B.xml, true", "TEST-*.xml, TEST-a.XML, true", "TEST-*.xml, test-config.xml, false",
            "TEST-*.xml, TEST-.xml, true", "*junit*.xml, report-JUnit.xml, true", "*junit*.xml, junit.xml.bak, false",
            "*.sarif.json, a.sarif.json, true", "*.sarif.json, .sarif.json, true", "*.sarif.json, sarif.json, false",
            "lcov.info, LCOV.INFO, true", "lcov.info, lcov.infos, false", "*a*b*, xxaxxbxx, true",
            "*a*b*, xxbxxaxx, false"})
    void fileNameGlobsMatchLowerCaseLettersInEitherCase(String glob, String name, boolean matches) {
        assertThat(FileNameGlob.matches(glob, name)).isEqualTo(matches);
    }
}
