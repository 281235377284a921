package dev.pce.server.github;

import dev.pce.server.node.Checkout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's git repository in a test's temp folder, as docs/github-actions.md has them set it up: files of their own,
 * then examples/github/setup.sh, then a commit.
 */
public final class UserRepository {
    /** What a command printed (stdout and stderr together) and how it ended. */
    public record Run(int exitCode, String output) {
    }

    /** The test command of {@link #withTests}. */
    static final String TEST_COMMAND = "bash run-tests.sh";
    private static final String TEST_SCRIPT = "run-tests.sh";

    private final Path directory;

    private UserRepository(Path directory) {
        this.directory = directory;
    }

    /** A new repository (git init) in {@code directory}. */
    public static UserRepository create(Path directory) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        UserRepository repository = new UserRepository(directory);
        repository.git("init", "--quiet", "--initial-branch=main");
        return repository;
    }

    public Path directory() {
        return directory;
    }

    public UserRepository write(String path, String content) throws IOException {
        Path file = directory.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return this;
    }

    /**
     * Tests of its own: dev.example.StoreTest and run-tests.sh, which stands in for the build: it writes these
     * reports where Maven does (no coverage report when null) and fails when a test failed, as Maven does.
     */
    UserRepository withTests(String junitReport, String coverageReport) throws IOException {
        write("src/test/java/dev/example/StoreTest.java", "class StoreTest {}\n");
        write("reports/TEST-dev.example.StoreTest.xml", junitReport);
        if (coverageReport != null) {
            write("reports/jacoco.xml", coverageReport);
        }
        return write(TEST_SCRIPT, """
                mkdir -p target/surefire-reports target/site/jacoco
                cp reports/TEST-*.xml target/surefire-reports/
                if [ -f reports/jacoco.xml ]; then cp reports/jacoco.xml target/site/jacoco/; fi
                ! grep -q '<failure' target/surefire-reports/*.xml
                """);
    }

    /** Runs PCE's set-up script on it, as its step 1 says. */
    Run setUp() throws IOException, InterruptedException {
        return run(directory, Map.of(), Checkout.root().resolve("examples/github/setup.sh").toString(), ".");
    }

    /** Commits every file as a user would. */
    public UserRepository commitAll(String message) throws IOException, InterruptedException {
        git("add", "--all");
        git("-c", "user.name=User", "-c", "user.email=user@localhost", "commit", "--quiet", "-m", message);
        return this;
    }

    /** A git command that must succeed; its output. */
    public String git(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Run run = run(directory, Map.of(), command.toArray(String[]::new));
        assertThat(run.exitCode()).as(String.join(" ", command) + ": " + run.output()).isZero();
        return run.output();
    }

    /** Runs {@code command} in {@code directory} with this JVM's environment (without PCE_HOME) and {@code environment}. */
    static Run run(Path directory, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().remove("PCE_HOME");
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
