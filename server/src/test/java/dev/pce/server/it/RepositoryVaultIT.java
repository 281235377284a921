package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.server.github.UserRepository;
import dev.pce.server.it.CeProcess.Run;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A vault committed in the repository, as a team shares its learnings through git: a real git repository, {@code ce
 * init --vault docs/solutions}, then servers started in it (and in a second worktree) without any vault variable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepositoryVaultIT {
    private static final String COMMITTED = """
            ---
            title: Cache keys need the schema version
            type: insight
            tags: [cache]
            ---
            A cache keyed by the row id alone served rows of the old schema after the migration.
            """;

    @TempDir
    static Path temp;

    private UserRepository repo;
    private Path workspace;
    private Run init;
    private ServerUnderTest server;

    @BeforeAll
    void initAndStart() throws Exception {
        repo = UserRepository.create(temp.resolve("shop"));
        // the test harness writes each server's stderr beside the workspace; a user's repository has no such files
        repo.write(".git/info/exclude", "server-*.stderr\n");
        workspace = repo.directory().resolve(".ce-workspace");
        init = CeProcess.run(Optional.of(repo.directory()), workspace, Map.of(), "init", "--vault", "docs/solutions");
        repo.write("docs/solutions/cache-keys.md", COMMITTED).commitAll("PCE set up with a committed vault");
        server = ServerUnderTest.startIn(repo.directory(), workspace, Map.of());
        server.awaitSearchable("schema", 1);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void initNamesTheFolderInTheConfigurationThatEveryCommandReads() throws Exception {
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains("wrote     .ce/config.yml", "created   docs/solutions/",
                "The vault is docs/solutions/ in the repository: commit its notes");
        assertThat(Files.readString(repo.directory().resolve(".ce/config.yml"))).contains("vault: docs/solutions");

        Run index = CeProcess.run(Optional.of(repo.directory()), workspace, Map.of(), "index");
        assertThat(index.out()).as(index.err())
                .contains("Vault 'shop' (" + repo.directory().resolve("docs/solutions") + ")");
    }

    @Test
    void aVaultOutsideTheRepositoryOrHiddenIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path other = Files.createDirectories(temp.resolve("other"));
        for (String vault : List.of("../elsewhere", ".ce-workspace/vault", temp.resolve("elsewhere").toString())) {
            Run refused = CeProcess.run(Optional.of(other), temp.resolve("ws-other"), Map.of(), "init", "--vault",
                    vault);
            assertThat(refused.exitCode()).as(vault).isEqualTo(2);
            assertThat(refused.err()).contains("--vault " + vault, "nothing was written", "docs/solutions")
                    .doesNotContain("\tat ");
        }
        try (Stream<Path> files = Files.list(other)) {
            assertThat(files).isEmpty();
        }

        Run inside = CeProcess.run(Optional.of(other), temp.resolve("ws-other"), Map.of(), "init", "--vault",
                other.resolve("notes/").toString());
        assertThat(inside.out()).as(inside.err()).contains("created   notes/");
        assertThat(Files.readString(other.resolve(".ce/config.yml"))).contains("vault: notes\n");
    }

    @Test
    void aCapturedNoteIsAPlainFileOfTheRepositoryThatGitCommitsWhileTheIndexStaysIgnored() throws Exception {
        JsonNode captured = server.ok("ce_capture", args("type", "insight", "title", "Retries need jitter",
                "body", "Retries at fixed intervals hit the payment API at once; add jitter.", "tags", List.of("retries")));

        assertThat(captured.path("indexed").asBoolean()).isTrue();
        String path = "docs/solutions/" + captured.path("note").path("path").asText();
        assertThat(repo.directory().resolve(path)).isRegularFile();
        assertThat(server.ok("ce_search", args("query", "jitter")).path("hits").path(0).path("note").path("id")
                .asText()).isEqualTo(captured.path("note").path("id").asText());

        String status = repo.git("status", "--porcelain", "--untracked-files=all");
        assertThat(status.lines()).contains("?? " + path).allMatch(line -> line.startsWith("?? docs/solutions/"));
        try (Stream<Path> indexes = Files.list(workspace.resolve("index"))) {
            assertThat(indexes).as("the index, in the workspace").isNotEmpty();
        }
        assertThat(repo.git("check-ignore", ".ce-workspace/index")).contains(".ce-workspace/index");

        repo.commitAll("A learning");
        assertThat(repo.git("show", "HEAD:" + path)).contains("title: Retries need jitter", "add jitter");
    }

    /**
     * Each worktree of the repository has its own checkout of the vault while all share the workspace: a server in
     * the second worktree searches and captures into its checkout, and neither server sees the other's new notes.
     */
    @Test
    void aServerInAnotherWorktreeUsesThatCheckoutOfTheVault() throws Exception {
        Path feature = temp.resolve("shop-feature");
        repo.git("worktree", "add", "--quiet", "-b", "feature", feature.toString());
        try (ServerUnderTest featureServer = ServerUnderTest.startIn(feature, workspace, Map.of())) {
            featureServer.awaitSearchable("schema", 1);
            JsonNode onFeature = featureServer.ok("ce_capture", args("type", "decision",
                    "title", "Feature flags need an owner", "body", "Every flag names the person who removes it."));
            JsonNode onMain = server.ok("ce_capture", args("type", "decision",
                    "title", "Canary releases need a rollback switch", "body", "Flip it back within a minute."));

            assertThat(onFeature.path("indexed").asBoolean()).isTrue();
            assertThat(onMain.path("indexed").asBoolean()).isTrue();
            assertThat(feature.resolve("docs/solutions").resolve(onFeature.path("note").path("path").asText()))
                    .isRegularFile();
            assertThat(featureServer.ok("ce_search", args("query", "flag owner")).path("total").asInt()).isOne();
            assertThat(server.ok("ce_search", args("query", "flag owner")).path("total").asInt()).isZero();
            assertThat(featureServer.ok("ce_search", args("query", "canary")).path("total").asInt()).isZero();
            assertThat(server.ok("ce_search", args("query", "canary")).path("total").asInt()).isOne();
            JsonNode schema = featureServer.ok("ce_search", args("query", "schema")).path("hits").path(0);
            assertThat(schema.path("note").path("vault").asText()).isEqualTo("shop");
            assertThat(schema.path("note").path("path").asText()).isEqualTo("cache-keys.md");
        }
    }
}
