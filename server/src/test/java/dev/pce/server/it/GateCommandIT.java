package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;
import dev.pce.server.it.CeProcess.Run;
import dev.pce.testing.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.pce.server.quality.EvidenceSamples.jacoco;
import static dev.pce.server.quality.EvidenceSamples.sarif;
import static dev.pce.server.quality.EvidenceSamples.surefire;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ce gate} of the built jar on real evidence files in a real project directory, as a CI job runs it: green
 * evidence passes, red evidence blocks, a dimension without evidence is "not measured" and blocks only when required
 * (by the rules, the project's configuration or --dimension), the step summary, the annotations and --json.
 */
class GateCommandIT {
    @TempDir
    Path temp;

    private Path project;
    private Path summary;

    @BeforeEach
    void project() throws IOException {
        project = Files.createDirectories(temp.resolve("project"));
        summary = temp.resolve("summary.md");
        write("src/test/java/dev/example/StoreTest.java", "class StoreTest {}\n");
    }

    @Test
    void greenTestsAndCoveragePassWhateverWasNotMeasured() throws Exception {
        write("target/surefire-reports/TEST-dev.example.StoreTest.xml", surefire(0));
        write("target/site/jacoco/jacoco.xml", jacoco(100));

        Run run = gate("--ci", "--project-type", "library", "--evidence", "target/surefire-reports",
                "target/site/jacoco/jacoco.xml");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).as("no annotation").isEmpty();
        assertThat(Files.readString(summary)).contains("### Quality gate (library): passed",
                "| coverage-line | coverage | 100 | >= 80 | pass | blocking | coverage-library |",
                "| lint-high | lint | - | <= 0 | not measured | blocking | lint-no-critical-or-high |",
                "Not measured, and not required: lint, security, review, docs, performance");
    }

    @Test
    void aFailingTestBlocksAndIsAnnotatedOnItsFileAtItsLine() throws Exception {
        write("target/surefire-reports/TEST-dev.example.StoreTest.xml", surefire(1));

        Run run = gate("--ci", "--project-type", "service", "--evidence", "target/surefire-reports");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out().lines().toList()).containsExactly("::error file=src/test/java/dev/example/StoreTest.java,"
                + "line=12,title=Failed test dev.example.StoreTest.t0::expected 2 but was 3");
        assertThat(Files.readString(summary)).contains("### Quality gate (service): blocked",
                "| tests-failed | tests | 1 | <= 0 | **fail** | blocking | tests-no-failures |",
                "Failing tests (1):", "- `dev.example.StoreTest.t0` at src/test/java/dev/example/StoreTest.java:12:"
                        + " expected 2 but was 3");
    }

    @Test
    void aHighSarifFindingBlocksAndIsAnnotatedOnItsRegion() throws Exception {
        write("target/surefire-reports/TEST-dev.example.StoreTest.xml", surefire(0));
        write("build/eslint.sarif", sarif("error", 12, 13));

        Run run = gate("--ci", "--project-type", "web", "--evidence", "target/surefire-reports", "build/eslint.sarif");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out().lines().toList()).containsExactly("::error file=src/Db.js,line=12,endLine=13,"
                + "title=lint-high%3A no-eval::eval of user input, 100%25 unsafe");
    }

    @Test
    void theProjectsConfigurationRequiresDimensionsAndTheCeConfigWins() throws Exception {
        write("target/surefire-reports/TEST-dev.example.StoreTest.xml", surefire(0));
        write(".github/ce-config.yml", "project_type: service\ngates:\n  required: [tests, security]\n");

        Run required = gate("--evidence", "target/surefire-reports");
        assertThat(required.exitCode()).as(required.err()).isEqualTo(1);
        assertThat(required.out()).contains("### Quality gate (service): blocked",
                "| security-high | security | - | <= 0 | **not measured** | blocking | security-no-critical-or-high |",
                "- security-critical, security-high, security-medium: Provide the security evidence");

        write(".ce/config.yml", "gates: {required: []}\n");
        Run overridden = gate("--evidence", "target/surefire-reports");
        assertThat(overridden.exitCode()).as(overridden.out()).isZero();
        assertThat(overridden.out()).contains("### Quality gate (service): passed");

        write(".ce/config.yml", "gates: {required: [tests, style]}\n");
        Run bad = gate("--evidence", "target/surefire-reports");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains(project.resolve(".ce/config.yml") + ": gates.required[1] is 'style', which is"
                + " not a dimension; allowed: tests, coverage, lint, security, review, docs, performance.");
    }

    /** One job per dimension: each judges, and requires, its own dimension alone, so each check means one thing. */
    @Test
    void oneDimensionIsJudgedAloneAndRequired() throws Exception {
        write("target/surefire-reports/TEST-dev.example.StoreTest.xml", surefire(0));
        write("target/site/jacoco/jacoco.xml", jacoco(40));
        String[] evidence = {"--evidence", "target/surefire-reports", "target/site/jacoco/jacoco.xml"};

        Run tests = gate(with(evidence, "--project-type", "library", "--dimension", "tests"));
        assertThat(tests.exitCode()).as(tests.out()).isZero();
        assertThat(tests.out()).contains("### Quality gate: tests (library): passed").doesNotContain("coverage-line");

        Run coverage = gate(with(evidence, "--project-type", "library", "--dimension", "coverage"));
        assertThat(coverage.exitCode()).isEqualTo(1);
        assertThat(coverage.out()).contains("| coverage-line | coverage | 40 | >= 80 | **fail** |")
                .doesNotContain("tests-failed");

        Run lint = gate(with(evidence, "--project-type", "cli", "--dimension", "lint", "--ci"));
        assertThat(lint.exitCode()).as("a lint job without lint evidence fails").isEqualTo(1);
        assertThat(lint.out()).contains("::error title=Provide the lint evidence::lint-critical not measured: No"
                + " evidence measured lint.critical; lint is required (rule 'configured-requirement': required by"
                + " --dimension lint)");

        Run both = gate(with(evidence, "--project-type", "cli", "--dimension", "tests,coverage"));
        assertThat(both.exitCode()).as(both.out()).isEqualTo(1);
        assertThat(both.out()).contains("### Quality gate: tests, coverage (cli): blocked");
    }

    @Test
    void jsonGivesTheVerdictTheCriteriaTheFailingTestsAndTheFindings() throws Exception {
        write("target/surefire-reports/TEST-dev.example.StoreTest.xml", surefire(1));
        write("build/eslint.sarif", sarif("error", 12, 13));

        Run run = gate("--json", "--project-type", "service", "--evidence", "target/surefire-reports",
                "build/eslint.sarif");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode json = Json.mapper().readTree(run.out());
        assertThat(json.path("gate").asText()).isEqualTo("quality");
        assertThat(json.path("project_type").asText()).isEqualTo("service");
        assertThat(json.path("blocking").asBoolean()).isTrue();
        assertThat(texts(json.path("blockers"))).containsExactly("tests-failed", "tests-pass-rate", "lint-high");
        assertThat(texts(json.path("dimensions"))).containsExactly("tests", "coverage", "lint", "security", "review",
                "docs", "performance");
        JsonNode lintHigh = criterion(json, "lint-high");
        assertThat(lintHigh.path("verdict").asText()).isEqualTo("fail");
        assertThat(lintHigh.path("measured").asDouble()).isEqualTo(1);
        assertThat(lintHigh.path("threshold").asDouble()).isZero();
        assertThat(lintHigh.path("rule").asText()).isEqualTo("lint-no-critical-or-high");
        assertThat(criterion(json, "security-high").path("verdict").asText()).isEqualTo("not_measured");
        assertThat(criterion(json, "security-high").path("required").asBoolean()).isFalse();
        assertThat(criterion(json, "security-high").has("measured")).isFalse();
        JsonNode test = json.path("failing_tests").path(0);
        assertThat(test.path("test").asText()).isEqualTo("dev.example.StoreTest.t0");
        assertThat(test.path("file").asText()).isEqualTo("src/test/java/dev/example/StoreTest.java");
        assertThat(test.path("line").asInt()).isEqualTo(12);
        assertThat(test.path("report").asText()).isEqualTo("target/surefire-reports/TEST-dev.example.StoreTest.xml");
        JsonNode finding = json.path("findings").path(0);
        assertThat(finding.path("file").asText()).isEqualTo("src/Db.js");
        assertThat(finding.path("line").asInt()).isEqualTo(12);
        assertThat(finding.path("end_line").asInt()).isEqualTo(13);
        assertThat(finding.path("severity").asText()).isEqualTo("high");
        assertThat(json.path("evidence_read")).hasSize(2);
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhatToDo() throws Exception {
        write("target/surefire-reports/TEST-dev.example.StoreTest.xml", surefire(0));
        Run both = gate("--ci", "--json", "--evidence", "target/surefire-reports");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--ci and --json both write to stdout");
        Run dimension = gate("--dimension", "style", "--evidence", "target/surefire-reports");
        assertThat(dimension.exitCode()).isEqualTo(2);
        assertThat(dimension.err()).contains("--dimension is 'style'", "Use one of tests, coverage, lint");
        Run workflow = gate("--workflow", "wf-x", "--dimension", "tests", "--evidence", "target/surefire-reports");
        assertThat(workflow.exitCode()).isEqualTo(2);
        assertThat(workflow.err()).contains("--dimension judges evidence files alone");
        Run type = gate("--project-type", "mobile", "--evidence", "target/surefire-reports");
        assertThat(type.exitCode()).isEqualTo(2);
        assertThat(type.err()).contains("--project-type is 'mobile'");
    }

    private Run gate(String... arguments) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("gate"));
        all.addAll(List.of(arguments));
        return CeProcess.run(Optional.of(project), temp.resolve("ws"),
                Map.of("GITHUB_STEP_SUMMARY", summary.toString(), "CE_POOLS", ""), all.toArray(String[]::new));
    }

    private static String[] with(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private void write(String relative, String text) {
        TestFiles.write(project.resolve(relative), text);
    }

    private static JsonNode criterion(JsonNode json, String name) {
        for (JsonNode criterion : json.path("criteria")) {
            if (criterion.path("criterion").asText().equals(name)) {
                return criterion;
            }
        }
        throw new AssertionError("no criterion " + name + " in " + json);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
