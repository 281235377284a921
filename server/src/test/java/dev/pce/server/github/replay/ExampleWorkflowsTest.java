package dev.pce.server.github.replay;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every workflow of the repository passes what GitHub checks before a run (each expression names only contexts and
 * functions its key offers) and uses only actions the replayer replays, so each can be proven with it. The examples
 * are checked where the set-up script installs them, in a repository's {@code .github/workflows/}, since that is
 * where their calls of each other ({@code ./.github/workflows/ce-round.yml}) resolve.
 */
class ExampleWorkflowsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path EXAMPLES = ROOT.resolve("examples/github");

    @TempDir
    static Path installed;

    @BeforeAll
    static void installTheExamples() throws IOException {
        Path workflows = Files.createDirectories(installed.resolve(".github/workflows"));
        for (Path example : examples()) {
            Files.copy(example, workflows.resolve(example.getFileName()));
        }
    }

    private static List<Path> examples() throws IOException {
        return workflowFiles().filter(file -> file.startsWith(EXAMPLES)).toList();
    }

    static Stream<Path> workflowFiles() throws IOException {
        return Stream.of(EXAMPLES, ROOT.resolve(".github/workflows")).flatMap(dir -> {
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(file -> file.toString().endsWith(".yml")).sorted().toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("workflowFiles")
    void isValidAsGitHubChecksItAndReplayable(Path file) {
        WorkflowFile workflow = WorkflowFile.read(file, ROOT.relativize(file).toString());
        Path repository = file.startsWith(EXAMPLES) ? installed : ROOT;

        assertThatCode(() -> WorkflowValidation.check(workflow, repository)).doesNotThrowAnyException();
    }

    @Test
    void theExamplesAreAmongTheFilesChecked() throws IOException {
        assertThat(workflowFiles().map(file -> file.getFileName().toString()))
                .contains("parallel-compound-engineering.yml", "ci.yml");
    }
}
