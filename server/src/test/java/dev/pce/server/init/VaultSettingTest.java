package dev.pce.server.init;

import dev.pce.engine.CeException;
import dev.pce.rules.config.ProjectConfig;
import dev.pce.rules.config.RepositoryFolder;
import dev.pce.server.init.ProjectInit.Action;
import dev.pce.server.init.ProjectInit.FileResult;
import dev.pce.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ce init --vault}: the vault's folder in a real repository's .ce/config.yml, the rest of the file kept. */
class VaultSettingTest {
    private static final RepositoryFolder SOLUTIONS = RepositoryFolder.parse("docs/solutions");

    @TempDir
    Path repo;

    private Map<String, Action> init(RepositoryFolder vault, boolean force) {
        Map<String, Action> actions = new LinkedHashMap<>();
        for (FileResult result : ProjectInit.run(repo, "/opt/pce/ce", force, Optional.of(vault))) {
            actions.put(result.path(), result.action());
        }
        return actions;
    }

    private String config() throws IOException {
        return Files.readString(repo.resolve(ProjectConfig.CE_CONFIG));
    }

    @Test
    void aNewConfigurationNamesTheVaultAndTheFolderIsCreatedOnce() throws IOException {
        Map<String, Action> first = init(SOLUTIONS, false);
        Map<String, Action> again = init(SOLUTIONS, false);

        assertThat(first).containsEntry(".ce/config.yml", Action.WROTE).containsEntry("docs/solutions/",
                Action.CREATED);
        assertThat(again).containsEntry(".ce/config.yml", Action.UNCHANGED).containsEntry("docs/solutions/",
                Action.UNCHANGED);
        assertThat(repo.resolve("docs/solutions")).isDirectory();
        assertThat(ProjectConfig.read(repo).vault().orElseThrow().value()).isEqualTo(SOLUTIONS);
    }

    @Test
    void theSettingJoinsAConfigurationOfTheUsersKeepingTheirLinesAndComments() throws IOException {
        String theirs = "# our pools\npools: {builders: 4}\ngates:\n  required: [tests]"; // no final line end
        TestFiles.write(repo.resolve(ProjectConfig.CE_CONFIG), theirs);

        assertThat(init(SOLUTIONS, false)).containsEntry(".ce/config.yml", Action.MERGED);

        assertThat(config()).isEqualTo(theirs + "\nvault: docs/solutions\n");
        ProjectConfig read = ProjectConfig.read(repo);
        assertThat(read.pools().get("builders").value()).isEqualTo(4);
        assertThat(read.vault().orElseThrow().value()).isEqualTo(SOLUTIONS);
    }

    @Test
    void anotherVaultOfTheUsersIsKeptUnlessForced() throws IOException {
        TestFiles.write(repo.resolve(ProjectConfig.CE_CONFIG), "vault: notes   # ours\npools: {builders: 2}\n");

        assertThat(init(SOLUTIONS, false)).containsEntry(".ce/config.yml", Action.KEPT);
        assertThat(config()).startsWith("vault: notes");

        assertThat(init(SOLUTIONS, true)).containsEntry(".ce/config.yml", Action.OVERWROTE);
        assertThat(config()).isEqualTo("vault: docs/solutions\npools: {builders: 2}\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{pools: {builders: 2}}\n", "pools: {builders: 2}\n...\n"})
    void aConfigurationTheLineDoesNotFitIsLeftAsItWasWithAnErrorSayingWhatToAdd(String theirs) throws IOException {
        TestFiles.write(repo.resolve(ProjectConfig.CE_CONFIG), theirs);

        assertThatThrownBy(() -> init(SOLUTIONS, true)).isInstanceOfSatisfying(CeException.class, e ->
                assertThat(e.describe()).contains("does not take the line 'vault: docs/solutions'",
                        "left as it was", "by hand"));
        assertThat(config()).isEqualTo(theirs);
    }
}
