package dev.pce.rules.authoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.pce.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

class LocalRulesTest {
    @TempDir
    Path temp;

    @Test
    void aProjectKeepsItsRulesAtTheTopOfItsWorkTree() throws Exception {
        Path repo = temp.resolve("repo");
        Files.createDirectories(repo.resolve(".git"));
        Path deep = Files.createDirectories(repo.resolve("src/main"));

        assertThat(LocalRules.ofProject(deep).directory()).isEqualTo(repo.resolve(".ce/rules"));
    }

    @Test
    void aLinkedWorktreeKeepsItsOwnRules() throws Exception {
        Path worktree = temp.resolve("wt");
        write(worktree.resolve(".git"), "gitdir: /elsewhere/.git/worktrees/wt\n");

        assertThat(LocalRules.ofProject(worktree.resolve("sub")).directory()).isEqualTo(worktree.resolve(".ce/rules"));
    }

    @Test
    void outsideAGitRepositoryTheDirectoryItselfIsTheProject() {
        Path plain = temp.resolve("plain");
        assertThat(LocalRules.ofProject(plain).directory()).isEqualTo(plain.resolve(".ce/rules"));
    }

    @Test
    void ruleFilesAreEveryDrlBelowTheDirectorySorted() {
        LocalRules local = new LocalRules(temp.resolve("rules"));
        assertThat(local.exists()).isFalse();
        assertThat(local.drlFiles()).isEmpty();

        Path b = write(local.directory().resolve("b.drl"), "");
        Path a = write(local.directory().resolve("team/a.drl"), "");
        write(local.directory().resolve("scenarios.yaml"), "");
        write(local.directory().resolve("a.drl.bak"), "");

        assertThat(local.exists()).isTrue();
        assertThat(local.drlFiles()).containsExactly(b, a);
    }
}
