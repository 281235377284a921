package dev.pce.server.github.replay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every workflow of the repository passes what GitHub checks before a run (each expression names only contexts and
 * functions its key offers) and uses only actions the replayer replays, so each can be proven with it.
 */
class ExampleWorkflowsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static Stream<Path> workflowFiles() throws IOException {
        return Stream.of(ROOT.resolve("examples/github"), ROOT.resolve(".github/workflows")).flatMap(dir -> {
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

        assertThatCode(() -> WorkflowValidation.check(workflow, ROOT)).doesNotThrowAnyException();
    }

    @Test
    void theExamplesAreAmongTheFilesChecked() throws IOException {
        assertThat(workflowFiles().map(file -> file.getFileName().toString()))
                .contains("parallel-compound-engineering.yml", "ci.yml");
    }
}
