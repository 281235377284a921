package dev.pce.engine.workspace;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkspaceLocatorTest {
    private static final Map<String, String> NO_ENV = Map.of();

    @TempDir
    Path tmp;

    private Path root;

    @BeforeEach
    void realPath() throws IOException {
        root = tmp.toRealPath();
        assertThat(WorkspaceLocator.repositoryTop(root)).as("the temp dir must not be inside a git repository")
                .isEmpty();
    }

    @Test
    void environmentVariableWinsOverTheRepository() throws IOException {
        Path repo = gitRepository("repo");
        Path configured = root.resolve("elsewhere/ws");

        assertThat(WorkspaceLocator.locate(Map.of("CE_WORKSPACE", configured.toString()), repo))
                .isEqualTo(configured);
    }

    @Test
    void relativeEnvironmentVariableIsResolvedAgainstTheCurrentDirectory() throws IOException {
        Path repo = gitRepository("repo");

        assertThat(WorkspaceLocator.locate(Map.of("CE_WORKSPACE", " ../shared-ws "), repo))
                .isEqualTo(root.resolve("shared-ws"));
    }

    @Test
    void blankEnvironmentVariableIsIgnored() throws IOException {
        Path repo = gitRepository("repo");

        assertThat(WorkspaceLocator.locate(Map.of("CE_WORKSPACE", "  "), repo))
                .isEqualTo(repo.resolve(".ce-workspace"));
    }

    @Test
    void onlyTheEnvironmentVariableCountsAsAWorkspaceTheUserNamed() throws IOException {
        Path repo = gitRepository("repo");

        assertThat(WorkspaceLocator.configured(Map.of("CE_WORKSPACE", " ../shared-ws "), repo))
                .contains(root.resolve("shared-ws"));
        assertThat(WorkspaceLocator.configured(Map.of("CE_WORKSPACE", "  "), repo)).isEmpty();
        assertThat(WorkspaceLocator.configured(NO_ENV, repo)).as("the repository's default is not named").isEmpty();
    }

    @Test
    void repositoryTopIsFoundFromADeepSubdirectory() throws IOException {
        Path repo = gitRepository("repo");
        Path deep = Files.createDirectories(repo.resolve("src/main/java"));

        assertThat(WorkspaceLocator.locate(NO_ENV, deep)).isEqualTo(repo.resolve(".ce-workspace"));
    }

    @Test
    void linkedWorktreeSharesTheMainWorktreesWorkspace() throws IOException {
        Path main = gitRepository("main");
        Path worktreeGitDir = Files.createDirectories(main.resolve(".git/worktrees/wt"));
        Files.writeString(worktreeGitDir.resolve("commondir"), "../..\n");
        Path worktree = Files.createDirectories(root.resolve("wt"));
        Files.writeString(worktree.resolve(".git"), "gitdir: " + worktreeGitDir + "\n");
        Path sub = Files.createDirectories(worktree.resolve("module/src"));

        assertThat(WorkspaceLocator.locate(NO_ENV, sub)).isEqualTo(main.resolve(".ce-workspace"));
    }

    @Test
    void linkedWorktreeWithARelativeGitdirIsResolvedToo() throws IOException {
        Path main = gitRepository("main");
        Path worktreeGitDir = Files.createDirectories(main.resolve(".git/worktrees/wt"));
        Files.writeString(worktreeGitDir.resolve("commondir"), "../..");
        Path worktree = Files.createDirectories(root.resolve("wt"));
        Files.writeString(worktree.resolve(".git"), "gitdir: ../main/.git/worktrees/wt");

        assertThat(WorkspaceLocator.locate(NO_ENV, worktree)).isEqualTo(main.resolve(".ce-workspace"));
    }

    @Test
    void gitFileWithoutCommondirIsItsOwnRepository() throws IOException {
        Path parent = gitRepository("parent");
        Files.createDirectories(parent.resolve(".git/modules/sub"));
        Path submodule = Files.createDirectories(parent.resolve("sub"));
        Files.writeString(submodule.resolve(".git"), "gitdir: ../.git/modules/sub\n");

        assertThat(WorkspaceLocator.locate(NO_ENV, submodule)).isEqualTo(submodule.resolve(".ce-workspace"));
    }

    @Test
    void withoutGitTheWorkspaceIsInTheCurrentDirectory() throws IOException {
        Path plain = Files.createDirectories(root.resolve("plain/dir"));

        assertThat(WorkspaceLocator.locate(NO_ENV, plain)).isEqualTo(plain.resolve(".ce-workspace"));
    }

    private Path gitRepository(String name) throws IOException {
        Path repo = Files.createDirectories(root.resolve(name));
        Files.createDirectories(repo.resolve(".git"));
        return repo;
    }
}
