package dev.pce.engine.service;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.pce.engine.testing.Plans;
import dev.pce.engine.workflow.CompleteCommand;
import dev.pce.engine.workflow.FailCommand;
import dev.pce.engine.workspace.Workspace;
import dev.pce.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.pce.engine.testing.Plans.task;
import static org.assertj.core.api.Assertions.assertThat;

class WorkspaceGcTest {
    private static final Duration TTL = Duration.ofMinutes(30);
    private static final Duration THRESHOLD = Duration.ofDays(7);

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.standard();
    private Workspace workspace;
    private WorkflowService service;
    private String oldCompleted;
    private String oldFailed;
    private String oldActive;
    private String recentCompleted;

    @BeforeEach
    void workflowsOfEveryKind() {
        workspace = Workspace.open(dir.resolve("ws"));
        service = new WorkflowService(workspace, clock);
        oldCompleted = completed();
        oldFailed = failed();
        oldActive = service.plan("still running", Plans.of(task("a")), "planner").workflowId();
        clock.advance(THRESHOLD.plusDays(1));
        recentCompleted = completed();
        clock.advance(Duration.ofHours(1));
    }

    @AfterEach
    void closeService() {
        service.close();
    }

    @Test
    void onlyFinishedWorkflowsOlderThanTheThresholdAreRemoved() {
        Map<String, WorkspaceGc.Entry> entries =
                byId(WorkspaceGc.collect(workspace, THRESHOLD, clock, false).entries());

        assertThat(entries).containsOnlyKeys(oldCompleted, oldFailed, oldActive, recentCompleted);
        assertThat(entries.get(oldCompleted).removed()).isTrue();
        assertThat(entries.get(oldCompleted).phase()).isEqualTo(WorkflowPhase.COMPLETED);
        assertThat(entries.get(oldFailed).removed()).isTrue();
        assertThat(entries.get(oldFailed).phase()).isEqualTo(WorkflowPhase.FAILED);
        assertThat(entries.get(oldActive).removed()).isFalse();
        assertThat(entries.get(oldActive).phase()).isEqualTo(WorkflowPhase.ACTIVE);
        assertThat(entries.get(recentCompleted).removed()).isFalse();
        assertThat(workspace.workflowIds()).containsExactly(oldActive, recentCompleted);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void activeWorkflowIsKeptHoweverOldItIs() {
        clock.advance(Duration.ofDays(365));

        WorkspaceGc.collect(workspace, THRESHOLD, clock, false);

        assertThat(workspace.workflowIds()).containsExactly(oldActive);
        assertThat(service.claim(oldActive, "builders", "bob", Optional.empty(), TTL).claimed()).isTrue();
    }

    @Test
    void dryRunReportsWhatWouldGoButRemovesNothing() {
        List<String> before = workspace.workflowIds();

        Map<String, WorkspaceGc.Entry> entries = byId(WorkspaceGc.collect(workspace, THRESHOLD, clock, true).entries());

        assertThat(workspace.workflowIds()).isEqualTo(before);
        assertThat(entries.values()).noneMatch(WorkspaceGc.Entry::removed);
        assertThat(entries.values()).filteredOn(WorkspaceGc.Entry::eligible).extracting(WorkspaceGc.Entry::workflowId)
                .containsExactlyInAnyOrder(oldCompleted, oldFailed);
    }

    @Test
    void removedWorkflowCannotBeUsedAnyMore() {
        WorkspaceGc.collect(workspace, THRESHOLD, clock, false);

        try (WorkflowService fresh = new WorkflowService(workspace, clock)) {
            assertThat(fresh.list().workflows()).extracting(WorkflowSummary::workflowId).containsExactly(oldActive,
                    recentCompleted);
        }
    }

    @Test
    void staleStagingDirectoriesAreRemovedButFreshOnesKept() throws IOException {
        Path stale = Files.createDirectories(workspace.workflowsDir().resolve(".staging-wf-dead"));
        Files.setLastModifiedTime(stale, FileTime.from(clock.instant().minus(Duration.ofHours(2))));
        Path fresh = Files.createDirectories(workspace.workflowsDir().resolve(".staging-wf-busy"));
        Files.setLastModifiedTime(fresh, FileTime.from(clock.instant().minus(Duration.ofMinutes(5))));

        WorkspaceGc.collect(workspace, THRESHOLD, clock, true);
        assertThat(stale).isDirectory();

        WorkspaceGc.collect(workspace, THRESHOLD, clock, false);
        assertThat(stale).doesNotExist();
        assertThat(fresh).isDirectory();
    }

    private String completed() {
        String id = service.plan("done soon", Plans.of(task("a")), "planner").workflowId();
        String claimId = service.claim(id, "builders", "bob", Optional.empty(), TTL).task().orElseThrow().claimId();
        service.complete(id, new CompleteCommand("a", claimId, "bob", "ok", List.of(), NullNode.getInstance()));
        return id;
    }

    private String failed() {
        String id = service.plan("fails", Plans.of(task("a"), task("b").dependsOn("a")), "planner").workflowId();
        String claimId = service.claim(id, "builders", "bob", Optional.empty(), TTL).task().orElseThrow().claimId();
        service.fail(id, new FailCommand("a", claimId, "bob", "impossible", false));
        return id;
    }

    private List<String> leftovers() {
        try (var entries = Files.list(workspace.workflowsDir())) {
            return entries.map(path -> path.getFileName().toString()).filter(name -> name.startsWith(".")).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, WorkspaceGc.Entry> byId(List<WorkspaceGc.Entry> entries) {
        return entries.stream().collect(Collectors.toMap(WorkspaceGc.Entry::workflowId, Function.identity()));
    }
}
