package dev.pce.pkm.knowledge;

import dev.pce.engine.CeException;
import dev.pce.engine.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VaultSourcesTest {
    @TempDir
    Path temp;

    @Test
    void theOwnVaultDefaultsToTheWorkspaceAndIsNamedAfterTheProject() {
        Workspace workspace = Workspace.open(temp.resolve("shop").resolve(".ce-workspace"));
        List<VaultSource> sources = VaultSources.fromEnvironment(workspace, Map.of());
        assertThat(sources).containsExactly(new VaultSource("shop", workspace.root().resolve("vault"), true));
    }

    @Test
    void otherVaultsAreNamedOrNamedAfterTheirProjectFolder() {
        Workspace workspace = Workspace.open(temp.resolve("ws"));
        Path billing = temp.resolve("billing/.ce-workspace/vault");
        Path notes = temp.resolve("search/notes");
        List<VaultSource> sources = VaultSources.fromEnvironment(workspace, Map.of(
                "CE_PROJECT", "pce", "CE_VAULT", temp.resolve("mine").toString(),
                "CE_VAULTS", billing + ":team=" + notes + "::"));
        assertThat(sources).containsExactly(
                new VaultSource("pce", temp.resolve("mine"), true),
                new VaultSource("billing", billing, false),
                new VaultSource("team", notes, false));
    }

    @Test
    void aNameTwiceOrAnInvalidNameIsAClearError() {
        Workspace workspace = Workspace.open(temp.resolve("ws"));
        assertThatThrownBy(() -> VaultSources.fromEnvironment(workspace, Map.of("CE_PROJECT", "pce",
                "CE_VAULTS", "pce=" + temp.resolve("x"))))
                .isInstanceOf(CeException.class).hasMessageContaining("names the vault 'pce' twice");
        assertThatThrownBy(() -> VaultSources.fromEnvironment(workspace, Map.of("CE_VAULTS", "a b=" + temp)))
                .isInstanceOf(CeException.class).hasMessageContaining("'a b'").hasMessageContaining("CE_VAULTS");
        assertThatThrownBy(() -> VaultSources.fromEnvironment(workspace, Map.of("CE_PROJECT", "../up")))
                .isInstanceOf(CeException.class).hasMessageContaining("CE_PROJECT");
    }

    /**
     * A vault's name is the folder of its index in the workspace: a name with '..' or a separator would place the
     * index elsewhere, so it is refused at start with the entry that carries it.
     */
    @Test
    void aVaultNameThatWouldPlaceItsIndexOutsideTheWorkspaceIsRefused() {
        Workspace workspace = Workspace.open(temp.resolve("ws"));
        for (String name : List.of("..", "../../escape", "a/../b", "a/b", ".hidden", "a\\b")) {
            assertThatThrownBy(() -> VaultSources.fromEnvironment(workspace, Map.of("CE_VAULTS",
                    name + "=" + temp.resolve("other"))))
                    .as(name).isInstanceOf(CeException.class)
                    .hasMessageContaining("'" + name + "'").hasMessageContaining("CE_VAULTS")
                    .hasMessageContaining("index");
            assertThatThrownBy(() -> new VaultSource(name, temp, false)).as(name)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void noteUrisRoundTripAndOddOnesAreRefused() {
        String uri = NoteUris.uri("billing", "pce", "2024 notes & more");
        assertThat(uri).isEqualTo("pkm://note/billing/2024%20notes%20%26%20more");
        assertThat(NoteUris.parse(uri)).contains(new NoteUris.Address(java.util.Optional.of("billing"),
                "2024 notes & more"));
        assertThat(NoteUris.parse(NoteUris.uri("pce", "pce", "a"))).contains(
                new NoteUris.Address(java.util.Optional.empty(), "a"));
        assertThat(NoteUris.parse("pkm://note/")).isEmpty();
        assertThat(NoteUris.parse("pkm://note/a/b/c")).isEmpty();
        assertThat(NoteUris.parse(NoteUris.uri("billing", "pce", "b/Dup"))).as("a path-derived id, its '/' escaped")
                .contains(new NoteUris.Address(java.util.Optional.of("billing"), "b/Dup"));
        assertThat(NoteUris.parse("pkm://note/%zz")).isEmpty();
        assertThat(NoteUris.parse("file:///etc/passwd")).isEmpty();
    }

    @Test
    void ceVaultWinsOverTheConfiguredFolderWhichWinsOverTheWorkspace() {
        Workspace workspace = Workspace.open(temp.resolve("shop").resolve(".ce-workspace"));
        Path committed = temp.resolve("shop/docs/solutions");
        Path named = temp.resolve("elsewhere");

        assertThat(VaultSources.fromEnvironment(workspace, Map.of(), Optional.of(committed)))
                .containsExactly(new VaultSource("shop", committed, true));
        assertThat(VaultSources.fromEnvironment(workspace, Map.of("CE_VAULT", named.toString()),
                Optional.of(committed))).containsExactly(new VaultSource("shop", named, true));
        assertThat(VaultSources.fromEnvironment(workspace, Map.of(), Optional.empty()))
                .containsExactly(new VaultSource("shop", workspace.root().resolve("vault"), true));
    }
}
