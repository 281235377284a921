package dev.pce.server.github;

import dev.pce.server.node.Checkout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The first set-up step of docs/github-actions.md: examples/github/setup.sh on a user's repository. */
class SetupScriptIT {
    @TempDir
    Path temp;

    @Test
    void setupWritesTheWorkflowsTheConfigurationAndALauncherThatRunsPce() throws Exception {
        UserRepository user = UserRepository.create(temp.resolve("app"));
        Path repository = user.directory();
        Files.createDirectories(repository.resolve(".github/workflows"));
        Files.writeString(repository.resolve(".github/workflows/ce-quality-review.yml"), "# mine\n");

        UserRepository.Run first = user.setUp();
        UserRepository.Run second = user.setUp();

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("wrote     .github/workflows/parallel-compound-engineering.yml",
                "wrote     .github/workflows/ce-round.yml", "wrote     .github/workflows/ce-monitoring.yml",
                "kept      .github/workflows/ce-quality-review.yml", "wrote     .github/ce-config.yml",
                "wrote     ce");
        assertThat(second.output()).doesNotContain("wrote").contains("kept      ce");
        assertThat(repository.resolve(".github/workflows/ce-quality-review.yml")).hasContent("# mine");
        assertThat(repository.resolve(".github/workflows/ce-feature-dev.yml"))
                .hasSameTextualContentAs(Checkout.root().resolve("examples/github/ce-feature-dev.yml"));
        assertThat(repository.resolve(".github/ce-config.yml"))
                .hasSameTextualContentAs(Checkout.root().resolve("examples/ce-config.yml"));

        UserRepository.Run withoutPce = UserRepository.run(repository, Map.of(), "./ce", "--version");
        assertThat(withoutPce.exitCode()).isEqualTo(2);
        assertThat(withoutPce.output()).contains("PCE is neither in", "$PCE_HOME");
        UserRepository.Run pce = UserRepository.run(repository, Map.of("PCE_HOME", Checkout.root().toString()),
                "./ce", "--version");
        assertThat(pce.exitCode()).as(pce.output()).isZero();
        assertThat(pce.output()).contains("pce ");
    }

    @Test
    void aDirectoryThatIsNotARepositoryIsRefused() throws Exception {
        UserRepository.Run run = UserRepository.run(Files.createDirectories(temp.resolve("plain")), Map.of(),
                Checkout.root().resolve("examples/github/setup.sh").toString(), ".");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("is not the top of a git repository");
    }
}
