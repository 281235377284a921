package dev.pce.rules.config;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.DimensionRequirement;
import dev.pce.engine.gate.ProjectType;
import dev.pce.engine.pools.SizingPolicy;
import dev.pce.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The repository's configuration files, real files in a temporary repository. */
class ProjectConfigTest {
    @TempDir
    Path repo;

    @Test
    void withoutFilesNothingIsConfiguredAndThePoolsAreTheDefaults() {
        ProjectConfig config = ProjectConfig.read(repo);
        assertThat(config).isEqualTo(ProjectConfig.NONE);
        assertThat(config.poolSlots().slots()).isEqualTo(Map.of("planners", 1, "builders", 3, "reviewers", 2));
        assertThat(config.requirements()).isEmpty();
    }

    @Test
    void oneFileSetsEveryKey() throws IOException {
        write(ProjectConfig.GITHUB_CONFIG, """
                # for CI
                project_type: service
                pools: {builders: 5, testers: 2}
                gates:
                  required: [tests, Coverage, security, tests]
                """);
        ProjectConfig config = ProjectConfig.read(repo);
        assertThat(config.projectType()).contains(new Configured<>(ProjectType.SERVICE, ".github/ce-config.yml"));
        assertThat(config.poolSlots().slots()).isEqualTo(Map.of("planners", 1, "builders", 5, "reviewers", 2,
                "testers", 2));
        assertThat(config.requirements()).containsExactly(
                new DimensionRequirement(Dimension.TESTS, ".github/ce-config.yml gates.required"),
                new DimensionRequirement(Dimension.COVERAGE, ".github/ce-config.yml gates.required"),
                new DimensionRequirement(Dimension.SECURITY, ".github/ce-config.yml gates.required"));
    }

    @Test
    void poolSizingIsOffByDefaultAndReadWithItsBudget() throws IOException {
        assertThat(ProjectConfig.read(repo).sizingPolicy()).isEqualTo(SizingPolicy.DEFAULT);
        assertThat(SizingPolicy.DEFAULT.apply()).isFalse();
        write(ProjectConfig.GITHUB_CONFIG, "pool_sizing: {apply: false, extra_agents: 1}\n");
        write(ProjectConfig.CE_CONFIG, "pool_sizing: {apply: true, extra_agents: 2, min_gain_per_agent: 0.1,"
                + " max_agents_per_pool: 6}\n");

        assertThat(ProjectConfig.read(repo).sizingPolicy()).isEqualTo(new SizingPolicy(true, 2, 0.1, 6));
    }

    @Test
    void aBadPoolSizingNamesTheFileTheKeyAndWhatIsAllowed() throws IOException {
        Path file = repo.resolve(ProjectConfig.CE_CONFIG);
        write(ProjectConfig.CE_CONFIG, "pool_sizing: {apply: sometimes}\n");
        assertThatThrownBy(() -> ProjectConfig.read(repo)).isInstanceOf(CeException.class)
                .hasMessage(file + ": pool_sizing.apply is 'sometimes'; allowed: true or false.");
        write(ProjectConfig.CE_CONFIG, "pool_sizing: {extra_agents: 200}\n");
        assertThatThrownBy(() -> ProjectConfig.read(repo)).isInstanceOf(CeException.class)
                .hasMessage(file + ": Bad pool sizing setting: extra_agents is 200; allowed: a whole number from 0 to"
                        + " 100 (0 keeps the total of agents).");
        write(ProjectConfig.CE_CONFIG, "pool_sizing: {min_gain_per_agent: lots}\n");
        assertThatThrownBy(() -> ProjectConfig.read(repo)).isInstanceOf(CeException.class)
                .hasMessageContaining("pool_sizing.min_gain_per_agent is 'lots', which is not a number");
        write(ProjectConfig.CE_CONFIG, "pool_sizing: true\n");
        assertThatThrownBy(() -> ProjectConfig.read(repo)).isInstanceOf(CeException.class)
                .hasMessageContaining("pool_sizing is 'true', not a mapping");
    }

    @Test
    void monitoringSetsWhenReportsAlertAndCeConfigWinsKeyByKey() throws IOException {
        write(ProjectConfig.GITHUB_CONFIG, "monitoring: {max_failure_rate: 0.3, alert_on_anomaly: false}\n");
        write(ProjectConfig.CE_CONFIG, "monitoring: {max_failure_rate: 0.05}\n");

        ProjectConfig config = ProjectConfig.read(repo);

        assertThat(config.maxFailureRate()).contains(new Configured<>(0.05, ".ce/config.yml"));
        assertThat(config.alertOnAnomaly()).contains(new Configured<>(false, ".github/ce-config.yml"));
    }

    @Test
    void badMonitoringValuesAreRefusedNamingTheKey() throws IOException {
        write(ProjectConfig.GITHUB_CONFIG, "monitoring: {max_failure_rate: 2}\n");
        assertThatThrownBy(() -> ProjectConfig.read(repo)).isInstanceOf(CeException.class)
                .hasMessageContaining("monitoring.max_failure_rate is '2', which is not a share");
        write(ProjectConfig.GITHUB_CONFIG, "monitoring: {alert_on_anomaly: sometimes}\n");
        assertThatThrownBy(() -> ProjectConfig.read(repo)).isInstanceOf(CeException.class)
                .hasMessageContaining("monitoring.alert_on_anomaly is 'sometimes'; allowed: true or false");
        write(ProjectConfig.GITHUB_CONFIG, "monitoring: {failure_rate: 0.1}\n");
        assertThatThrownBy(() -> ProjectConfig.read(repo)).isInstanceOf(CeException.class)
                .hasMessageContaining("unknown key 'monitoring.failure_rate'");
    }

    @Test
    void theExampleConfigurationOfTheGitHubSetUpReads() throws IOException {
        Files.createDirectories(repo.resolve(".github"));
        Files.copy(Path.of("..", "examples", "ce-config.yml"), repo.resolve(ProjectConfig.GITHUB_CONFIG));

        ProjectConfig config = ProjectConfig.read(repo);

        assertThat(config.projectType()).contains(new Configured<>(ProjectType.LIBRARY, ".github/ce-config.yml"));
        assertThat(config.maxFailureRate()).contains(new Configured<>(0.2, ".github/ce-config.yml"));
        assertThat(config.requirements()).extracting(DimensionRequirement::dimension)
                .containsExactly(Dimension.TESTS, Dimension.COVERAGE);
    }

    /** .ce/config.yml wins key by key: each pool, the project type, the required list as a whole. */
    @Test
    void theCeConfigWinsKeyByKey() throws IOException {
        write(ProjectConfig.GITHUB_CONFIG, """
                project_type: service
                pools: {builders: 5, reviewers: 4}
                gates: {required: [tests, security]}
                """);
        write(ProjectConfig.CE_CONFIG, """
                pools: {builders: 2}
                gates: {required: [lint]}
                """);
        ProjectConfig config = ProjectConfig.read(repo);
        assertThat(config.projectType().orElseThrow().file()).isEqualTo(".github/ce-config.yml");
        assertThat(config.pools()).isEqualTo(Map.of("builders", new Configured<>(2, ".ce/config.yml"),
                "reviewers", new Configured<>(4, ".github/ce-config.yml")));
        assertThat(config.requirements()).containsExactly(
                new DimensionRequirement(Dimension.LINT, ".ce/config.yml gates.required"));
    }

    @Test
    void emptyFilesAndNullValuesConfigureNothing() throws IOException {
        write(ProjectConfig.CE_CONFIG, "# nothing yet\n");
        write(ProjectConfig.GITHUB_CONFIG, "project_type:\npools:\ngates: {required: }\n");
        assertThat(ProjectConfig.read(repo)).isEqualTo(ProjectConfig.NONE);
    }

    @Test
    void anEmptyRequiredListRequiresNothingAndOverridesTheOtherFile() throws IOException {
        write(ProjectConfig.GITHUB_CONFIG, "gates: {required: [security]}\n");
        write(ProjectConfig.CE_CONFIG, "gates: {required: []}\n");
        assertThat(ProjectConfig.read(repo).requirements()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "gate: {required: [tests]}"
                    + "| unknown key 'gate'; allowed: capture, gates, learning, monitoring, planning, pool_sizing, pools, project_type, vault."
                    + "| Correct or remove the key in",
            "gates: {requires: [tests]}"
                    + "| unknown key 'gates.requires'; allowed: gates.required, gates.thresholds."
                    + "| Correct or remove the key in",
            "gates: {required: [tests, style]}"
                    + "| gates.required[1] is 'style', which is not a dimension; allowed: tests, coverage, lint, security,"
                    + " review, docs, performance."
                    + "| Correct or remove it in",
            "gates: {required: tests}"
                    + "| gates.required is 'tests', not a list of dimensions."
                    + "| as a list, e.g. [tests, coverage]",
            "gates: [tests]"
                    + "| gates is '[\"tests\"]', not a mapping."
                    + "| {required: [tests, coverage]}",
            "pools: {builders: three}"
                    + "| pools.builders is 'three', which is not a number of agents; allowed: a whole number from 1 to"
                    + " 10000."
                    + "| Set pools.builders in",
            "pools: {builders: 0}"
                    + "| pools.builders is '0', which is not a number of agents"
                    + "| to the number of agents the pool runs at once",
            "pools: {Builders: 2}"
                    + "| pools key 'Builders' is not a pool name."
                    + "| Name the pool in",
            "pools: 3"
                    + "| pools is '3', not a mapping of pools to agents."
                    + "| as {builders: 3, reviewers: 2}",
            "project_type: daemon"
                    + "| project_type is 'daemon', which is not a project type; allowed: library, service, cli, web."
                    + "| or remove the key to let PCE detect the type",
            "gates: {thresholds: {coverage.lines: 75}}"
                    + "| gates.thresholds names the metric 'coverage.lines', which no gate criterion judges."
                    + "| Use one of tests.total",
            "gates: {thresholds: {coverage.line: 175}}"
                    + "| gates.thresholds.coverage.line is '175', which is not a threshold of coverage.line; allowed:"
                    + " a number from 0 to 100 (a percentage)."
                    + "| to a percentage, e.g. 75",
            "learning: {thresholds: {coverage.line: 60}}"
                    + "| learning.thresholds.coverage.line is '60', not a band with a min and a max."
                    + "| as {min: 60, max: 90}",
            "learning: {thresholds: {coverage.line: {min: 90, max: 60}}}"
                    + "| learning.thresholds.coverage.line has min 90 above max 60."
                    + "| Swap them in",
            "learning: {thresholds: {coverage.line: {min: 60, max: 90, step: 5}}}"
                    + "| unknown key 'learning.thresholds.coverage.line.step'; allowed:"
                    + " learning.thresholds.coverage.line.max, learning.thresholds.coverage.line.min."
                    + "| Correct or remove the key in",
            "learning: {thresholds: {security.high: {min: -1, max: 2}}}"
                    + "| learning.thresholds.security.high.min is '-1', which is not a lowest threshold of"
                    + " security.high; allowed: a number from 0 up (a count)."
                    + "| to a count, e.g. 1",
            "learning: {bounds: {}}"
                    + "| unknown key 'learning.bounds'; allowed: learning.thresholds."
                    + "| Correct or remove the key in"})
    void aBadFileNamesTheFileTheKeyAndWhatIsAllowed(String yaml, String message, String fix) throws IOException {
        Path file = write(ProjectConfig.GITHUB_CONFIG, yaml + "\n");
        assertThatThrownBy(() -> ProjectConfig.read(repo)).isInstanceOfSatisfying(CeException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.getMessage()).startsWith(file.toString()).contains(message);
            assertThat(e.fix()).contains(fix);
        });
    }

    @Test
    void thresholdsAreFixedAndLearnedThresholdsBoundedPerMetricTheCeConfigWinningKeyByKey() throws IOException {
        write(ProjectConfig.GITHUB_CONFIG, "gates: {thresholds: {coverage.line: 70, coverage.branch: 55}}\n"
                + "learning: {thresholds: {tests.pass_rate: {min: 95, max: 100}}}\n");
        write(ProjectConfig.CE_CONFIG, "gates:\n  thresholds:\n    coverage.line: 75\nlearning:\n  thresholds:\n"
                + "    coverage.branch: {min: 40, max: 65}\n");

        ProjectConfig config = ProjectConfig.read(repo);

        assertThat(config.thresholdAdjustments()).extracting(adjustment -> adjustment.metric() + "="
                + adjustment.threshold() + " from " + adjustment.origin()).containsExactly(
                "coverage.branch=55.0 from .github/ce-config.yml gates.thresholds",
                "coverage.line=75.0 from .ce/config.yml gates.thresholds");
        assertThat(config.learningBand("coverage.line")).hasValueSatisfying(band -> {
            assertThat(band.min()).isEqualTo(75);
            assertThat(band.max()).isEqualTo(75);
        });
        assertThat(config.learningBand("tests.pass_rate")).hasValueSatisfying(band -> {
            assertThat(band.min()).isEqualTo(95);
            assertThat(band.origin()).isEqualTo(".github/ce-config.yml learning.thresholds");
        });
        assertThat(config.learningBand("coverage.branch")).as("fixed wins over a band").hasValueSatisfying(band ->
                assertThat(band.max()).isEqualTo(55));
        assertThat(config.learningBand("lint.high")).isEmpty();
    }

    @Test
    void notAMappingNotYamlOrAKeyTwiceIsAnError() throws IOException {
        Path file = write(ProjectConfig.CE_CONFIG, "- project_type\n- web\n");
        assertThatThrownBy(() -> ProjectConfig.read(repo)).hasMessage(file + " is not a YAML mapping of keys to values.");
        write(ProjectConfig.CE_CONFIG, "project_type: [web\n");
        assertThatThrownBy(() -> ProjectConfig.read(repo)).isInstanceOf(CeException.class)
                .hasMessageContaining("Cannot read " + file + " as YAML: ").hasMessageContaining("(line ");
        write(ProjectConfig.CE_CONFIG, "project_type: web\nproject_type: cli\n");
        assertThatThrownBy(() -> ProjectConfig.read(repo)).hasMessageContaining("Duplicate field 'project_type'");
    }

    @Test
    void aBadCeConfigIsReportedEvenWhenTheGitHubOneIsFine() throws IOException {
        write(ProjectConfig.GITHUB_CONFIG, "pools: {builders: 2}\n");
        Path file = write(ProjectConfig.CE_CONFIG, "pools: {builders: -1}\n");
        assertThatThrownBy(() -> ProjectConfig.read(repo)).hasMessageStartingWith(file + ": pools.builders is '-1'");
        assertThat(List.of(ProjectConfig.CE_CONFIG, ProjectConfig.GITHUB_CONFIG))
                .containsExactly(".ce/config.yml", ".github/ce-config.yml");
    }

    private Path write(String relative, String text) {
        return TestFiles.write(repo.resolve(relative), text);
    }

    @Test
    void theVaultIsAFolderOfTheRepositoryAndCeConfigWins() throws IOException {
        write(ProjectConfig.GITHUB_CONFIG, "vault: notes\n");
        assertThat(ProjectConfig.read(repo).vault())
                .contains(new Configured<>(new RepositoryFolder("notes"), ".github/ce-config.yml"));

        write(ProjectConfig.CE_CONFIG, "vault: ./docs//solutions/\n");
        RepositoryFolder vault = ProjectConfig.read(repo).vault().orElseThrow().value();

        assertThat(vault.path()).isEqualTo("docs/solutions");
        assertThat(vault.in(repo)).isEqualTo(repo.resolve("docs").resolve("solutions"));
        assertThat(ProjectConfig.read(repo).vault().orElseThrow().file()).isEqualTo(".ce/config.yml");
    }

    @Test
    void automaticCaptureIsOnUnlessTurnedOffAndAWrongValueIsAnErrorNamingTheKey() {
        assertThat(ProjectConfig.read(repo).automaticCapture()).isEmpty();
        write(ProjectConfig.CE_CONFIG, "capture: {automatic: false}\n");
        assertThat(ProjectConfig.read(repo).automaticCapture())
                .contains(new Configured<>(false, ".ce/config.yml"));

        write(ProjectConfig.CE_CONFIG, "capture: {automatic: sometimes}\n");
        assertThatThrownBy(() -> ProjectConfig.read(repo)).isInstanceOf(CeException.class)
                .hasMessageContaining("capture.automatic is 'sometimes'; allowed: true or false");
        write(ProjectConfig.CE_CONFIG, "capture: {auto: true}\n");
        assertThatThrownBy(() -> ProjectConfig.read(repo)).isInstanceOf(CeException.class)
                .hasMessageContaining("unknown key 'capture.auto'; allowed: capture.automatic");
    }

    @Test
    void theSessionLengthIsTwoHoursUnlessConfiguredAndAWrongValueIsAnErrorNamingTheKey() {
        assertThat(ProjectConfig.read(repo).sessionLength()).isEqualTo(120.0);
        write(ProjectConfig.CE_CONFIG, "planning: {session_minutes: 90}\n");
        assertThat(ProjectConfig.read(repo).sessionLength()).isEqualTo(90.0);

        write(ProjectConfig.CE_CONFIG, "planning: {session_minutes: 0}\n");
        assertThatThrownBy(() -> ProjectConfig.read(repo)).isInstanceOf(CeException.class)
                .hasMessageContaining("planning.session_minutes is '0'; allowed: minutes, more than 0");
        write(ProjectConfig.CE_CONFIG, "planning: {session: 90}\n");
        assertThatThrownBy(() -> ProjectConfig.read(repo)).isInstanceOf(CeException.class)
                .hasMessageContaining("unknown key 'planning.session'; allowed: planning.session_minutes");
    }

    /** A committed setting must mean one folder of the repository in every clone and worktree. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/home/me/notes          | is an absolute path",
            "C:/notes                | is an absolute path",
            "../shared/notes         | leads out of the repository",
            "docs/../../notes        | leads out of the repository",
            ".ce-workspace/vault     | is hidden",
            "docs/.notes             | is hidden",
            "'.'                     | is the repository itself",
            "'docs\\notes'           | separate folders with '/'",
            "'\"\"'                    | is empty",
            "[docs, notes]           | is not a folder name"})
    void aVaultOutsideTheRepositoryOrHiddenIsRefusedNamingTheKey(String value, String why) throws IOException {
        write(ProjectConfig.CE_CONFIG, "vault: " + value + "\n");
        assertThatThrownBy(() -> ProjectConfig.read(repo)).isInstanceOfSatisfying(CeException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains(".ce/config.yml: vault '", why);
            assertThat(e.describe()).contains("docs/solutions", "CE_VAULT");
        });
    }
}
