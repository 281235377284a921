package dev.pce.engine.workspace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.pce.engine.ErrorCode.INVALID_ARGUMENT;
import static dev.pce.engine.ErrorCode.IO;
import static dev.pce.engine.testing.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

class WorkspaceTest {
    @TempDir
    Path tmp;

    @Test
    void openCreatesTheLayoutAndIgnoresItselfInGit() throws IOException {
        Path root = tmp.resolve("a/b/.ce-workspace");

        Workspace workspace = Workspace.open(root);

        assertThat(workspace.root()).isEqualTo(root.toAbsolutePath().normalize());
        for (Path dir : List.of(workspace.workflowsDir(), workspace.artifactsDir(), workspace.logsDir(),
                workspace.indexDir())) {
            assertThat(dir).isDirectory();
        }
        assertThat(Files.readString(root.resolve("workspace.json"))).contains("\"format\":1");
        assertThat(Files.readAllLines(root.resolve(".gitignore"))).contains("*");
    }

    @Test
    void openingAgainChangesNothingAndLeavesNoTemporaryFiles() throws IOException {
        Path root = tmp.resolve("ws");
        Workspace.open(root);
        Files.writeString(root.resolve(".gitignore"), "# edited by the user\n*\n");
        Path marker = Files.createDirectories(root.resolve("workflows/wf-1"));

        Workspace.open(root);

        assertThat(Files.readString(root.resolve(".gitignore"))).isEqualTo("# edited by the user\n*\n");
        assertThat(marker).isDirectory();
        try (Stream<Path> files = Files.list(root)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder(".gitignore", "workspace.json", "workflows", "artifacts", "logs",
                            "index");
        }
    }

    @Test
    void workflowIdsListOnlyCompleteWorkflowsSorted() throws IOException {
        Workspace workspace = Workspace.open(tmp.resolve("ws"));
        create(workspace, "wf-20250102-000000-bbbbbb");
        create(workspace, "wf-20250101-000000-aaaaaa");
        Files.createDirectories(workspace.workflowsDir().resolve(".staging-wf-3").resolve(Workspace.EVENTS_FILE));
        Files.createDirectories(workspace.workflowsDir().resolve(".trash-wf-4"));
        Files.createDirectories(workspace.workflowsDir().resolve("no-log-yet"));

        assertThat(workspace.workflowIds())
                .containsExactly("wf-20250101-000000-aaaaaa", "wf-20250102-000000-bbbbbb");
        assertThat(workspace.hasWorkflow("no-log-yet")).isFalse();
        assertThat(workspace.hasWorkflow("../ws")).isFalse();
    }

    @Test
    void createWorkflowMovesTheInitialisedLogIntoPlace() throws IOException {
        Workspace workspace = Workspace.open(tmp.resolve("ws"));

        workspace.createWorkflow("wf-1", log -> Files.writeString(log, "first line\n"));

        assertThat(Files.readString(workspace.eventsFile("wf-1"))).isEqualTo("first line\n");
        assertThat(workspace.workflowIds()).containsExactly("wf-1");
        assertThat(workspace.workflowsDir().resolve(".staging-wf-1")).doesNotExist();
    }

    @Test
    void aTakenIdIsRefusedWithoutTouchingTheWorkflowThatHasIt() throws IOException {
        Workspace workspace = Workspace.open(tmp.resolve("ws"));
        workspace.createWorkflow("wf-1", log -> Files.writeString(log, "first\n"));

        boolean created = workspace.createWorkflow("wf-1", log -> Files.writeString(log, "second\n"));

        assertThat(created).isFalse();
        assertThat(Files.readString(workspace.eventsFile("wf-1"))).isEqualTo("first\n");
        assertThat(workspace.workflowsDir().resolve(".staging-wf-1")).doesNotExist();
    }

    @Test
    void anIdTakenWhileTheLogIsWrittenIsRefusedAndTheStagingRemoved() throws IOException {
        Workspace workspace = Workspace.open(tmp.resolve("ws"));

        boolean created = workspace.createWorkflow("wf-1", log -> {
            Files.writeString(log, "second\n");
            // another process finishes creating the same id first
            Files.createDirectories(workspace.workflowDir("wf-1"));
            Files.writeString(workspace.eventsFile("wf-1"), "first\n");
        });

        assertThat(created).isFalse();
        assertThat(Files.readString(workspace.eventsFile("wf-1"))).isEqualTo("first\n");
        assertThat(workspace.workflowsDir().resolve(".staging-wf-1")).doesNotExist();
    }

    @Test
    void anIdBeingCreatedByAnotherProcessIsRefusedWithoutDeletingItsStaging() throws IOException {
        Workspace workspace = Workspace.open(tmp.resolve("ws"));
        Path othersStaging = Files.createDirectories(workspace.workflowsDir().resolve(".staging-wf-1"));

        assertThat(workspace.createWorkflow("wf-1", log -> Files.writeString(log, "x"))).isFalse();
        assertThat(othersStaging).exists();
    }

    @Test
    void failedInitialisationLeavesNoWorkflowAndNoStagingDirectory() throws IOException {
        Workspace workspace = Workspace.open(tmp.resolve("ws"));

        assertError(IO, () -> workspace.createWorkflow("wf-1", log -> {
            Files.writeString(log, "partial");
            throw new IOException("disk full");
        }), "Could not create workflow wf-1", "disk full");

        try (Stream<Path> entries = Files.list(workspace.workflowsDir())) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void workflowDirectoryCannotLeaveTheWorkspace() {
        Workspace workspace = Workspace.open(tmp.resolve("ws"));

        assertError(INVALID_ARGUMENT, () -> workspace.workflowDir("../x"), "'../x' is not a workflow id");
        assertError(INVALID_ARGUMENT, () -> workspace.createWorkflow("a/b", log -> { }), "is not a workflow id");
    }

    @Test
    void deleteTreeRemovesNestedFilesAndToleratesMissingDirectories() throws IOException {
        Path tree = Files.createDirectories(tmp.resolve("tree/a/b"));
        Files.writeString(tree.resolve("f.txt"), "x");

        Workspace.deleteTree(tmp.resolve("tree"));
        Workspace.deleteTree(tmp.resolve("never-existed"));

        assertThat(tmp.resolve("tree")).doesNotExist();
    }

    private static void create(Workspace workspace, String id) {
        workspace.createWorkflow(id, log -> Files.writeString(log, ""));
    }
}
