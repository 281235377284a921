package dev.pce.server.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.pce.server.cli.CeCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every GitHub Actions workflow of the repository (examples/github/ and .github/workflows/) has the shape GitHub
 * accepts and calls only ce commands that exist. See {@link WorkflowFileCheck} for what is checked.
 */
class WorkflowFilesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final YAMLMapper YAML = new YAMLMapper();
    /**
     * The jar's commands, plus the ones the workflows may use before this build has them (ce gate --ci and
     * ce plan --matrix come with the GitHub integration), plus the launcher script's own {@code test}.
     */
    private static final Set<String> EXPECTED_COMMANDS = Set.of("gate", "plan", "events", "learn", "init", "serve",
            "status", "test");

    static Stream<Path> workflowFiles() throws IOException {
        return Stream.of(ROOT.resolve("examples/github"), ROOT.resolve(".github/workflows"))
                .flatMap(WorkflowFilesTest::yamlFiles);
    }

    @ParameterizedTest
    @MethodSource("workflowFiles")
    void hasTheShapeGitHubAcceptsAndCallsOnlyExistingCeCommands(Path file) throws IOException {
        JsonNode workflow = YAML.readTree(file.toFile());

        assertThat(WorkflowFileCheck.check(ROOT.relativize(file).toString(), workflow, ceCommands())).isEmpty();
    }

    @Test
    void theThreeExamplesAndTheRepositorysOwnCiAreChecked() throws IOException {
        assertThat(workflowFiles().map(file -> file.getFileName().toString())).contains(
                "parallel-compound-engineering.yml", "ce-quality-review.yml", "ce-ci-pipeline.yml", "ci.yml");
    }

    @Test
    void theCheckFindsWhatGitHubWouldReject() throws IOException {
        JsonNode broken = YAML.readTree("""
                name: broken
                on: [push, pull_requests]
                jobs:
                  a:
                    needs: missing
                    strategy:
                      matrix: not-a-map
                    steps:
                      - run: ./ce frobnicate --now
                        uses: actions/checkout@v4
                      - name: nothing to do
                """);

        assertThat(WorkflowFileCheck.check("broken.yml", broken, ceCommands())).containsExactly(
                "broken.yml: on: unknown event 'pull_requests'",
                "broken.yml: jobs.a.needs: names no job of this file: 'missing'",
                "broken.yml: jobs.a.strategy.matrix: is neither a map nor a ${{ fromJSON(...) }} expression",
                "broken.yml: jobs.a: has neither 'runs-on' nor 'uses'",
                "broken.yml: jobs.a.steps[0]: must have exactly one of 'uses' and 'run'",
                "broken.yml: jobs.a.steps[0].run: runs './ce frobnicate', which is not a ce command",
                "broken.yml: jobs.a.steps[1]: must have exactly one of 'uses' and 'run'");
    }

    @Test
    void theOnKeyIsFoundAlsoWhenAParserReadsItAsTrue() {
        JsonNode asBoolean = YAML.createObjectNode().put("name", "n").set("true", YAML.createObjectNode()
                .set("push", YAML.createObjectNode()));
        ((ObjectNode) asBoolean).set("jobs", YAML.createObjectNode()
                .set("a", YAML.createObjectNode().put("uses", "org/repo/.github/workflows/x.yml@v1")));

        assertThat(WorkflowFileCheck.check("x.yml", asBoolean, ceCommands())).isEmpty();
    }

    /** The commands `./ce --help` lists, and the expected ones. */
    private static Set<String> ceCommands() {
        Set<String> commands = new HashSet<>(CeCommand.commandLine().getSubcommands().keySet());
        commands.addAll(EXPECTED_COMMANDS);
        return commands;
    }

    private static Stream<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".yml") || file.toString().endsWith(".yaml"))
                    .sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
