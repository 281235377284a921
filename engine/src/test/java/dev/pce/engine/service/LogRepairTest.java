package dev.pce.engine.service;

import dev.pce.engine.testing.CompletedWorkflow;
import dev.pce.engine.testing.Plans;
import dev.pce.engine.workspace.Workspace;
import dev.pce.testing.FileDamage;
import dev.pce.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ce doctor --repair-log}: a damaged log made readable on request, with nothing deleted. */
class LogRepairTest {
    private static final Duration TTL = Duration.ofMinutes(15);

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.standard();
    private CompletedWorkflow workflow;
    private Workspace workspace;
    private WorkflowService service;
    private String id;
    private Path log;

    /** 25 events: the plan, then a claim and a completion for each of 12 tasks. */
    @BeforeEach
    void completedWorkflow() {
        workflow = CompletedWorkflow.of(dir, clock, Plans.independent(12, "build"));
        workspace = workflow.workspace();
        service = workflow.service();
        id = workflow.id();
        log = workflow.log();
    }

    @AfterEach
    void closeService() {
        workflow.close();
    }

    @Test
    void logCutInsideALineKeepsTheEventsBeforeItAndACopyOfTheWholeFile() throws IOException {
        cut(lineStart(6) + 40);
        byte[] damaged = Files.readAllBytes(log);

        LogRepair.Outcome outcome = LogRepair.repair(workspace, id, clock);

        assertThat(outcome).isInstanceOfSatisfying(LogRepair.Cut.class, cut -> {
            assertThat(cut.keptEvents()).isEqualTo(5);
            assertThat(cut.fromLine()).isEqualTo(6);
            assertThat(cut.copy()).hasBinaryContent(damaged);
        });
        assertThat(outcome.describe()).contains("Kept events 1 to 5", "cut it from line 6", "handed out again");
        assertThat(Files.readAllLines(log)).hasSize(5);
        assertThat(WorkflowCheck.check(workspace, id, false).problems()).isEmpty();
        // the server that was running reads the log again, and work goes on
        assertThat(service.status(id).lastSeq()).isEqualTo(5);
        assertThat(service.claim(id, "builders", "eve", Optional.empty(), TTL).claimed()).isTrue();
    }

    @Test
    void damagedLineInTheMiddleKeepsTheLinesBeforeIt() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.set(2, "garbage");
        Files.write(log, lines);

        LogRepair.Outcome outcome = LogRepair.repair(workspace, id, clock);

        assertThat(outcome).isInstanceOfSatisfying(LogRepair.Cut.class, cut -> {
            assertThat(cut.keptEvents()).isEqualTo(2);
            assertThat(cut.copy()).content().contains("\ngarbage\n");
        });
        assertThat(Files.readAllLines(log)).containsExactlyElementsOf(lines.subList(0, 2));
    }

    @Test
    void logCutAtALineEndIsAcceptedAsItIs() throws IOException {
        cut(lineStart(11));
        byte[] shortened = Files.readAllBytes(log);

        LogRepair.Outcome outcome = LogRepair.repair(workspace, id, clock);

        assertThat(outcome).isEqualTo(new LogRepair.Accepted(log, 10));
        assertThat(log).hasBinaryContent(shortened);
        assertThat(WorkflowCheck.check(workspace, id, false).problems()).isEmpty();
        assertThat(service.status(id).lastSeq()).isEqualTo(10);
    }

    @Test
    void workflowWithoutAReadablePlanIsMovedAside() throws IOException {
        cut(0);

        LogRepair.Outcome outcome = LogRepair.repair(workspace, id, clock);

        assertThat(outcome).isInstanceOfSatisfying(LogRepair.SetAside.class, aside -> {
            assertThat(aside.movedTo()).isDirectory().hasFileName(".damaged-" + id + "-20250115-100000");
            assertThat(aside.movedTo().resolve(Workspace.EVENTS_FILE)).exists();
        });
        assertThat(workspace.workflowIds()).doesNotContain(id);
    }

    @Test
    void readableLogIsLeftAlone() throws IOException {
        byte[] before = Files.readAllBytes(log);

        assertThat(LogRepair.repair(workspace, id, clock)).isEqualTo(new LogRepair.NothingToRepair(log));
        assertThat(log).hasBinaryContent(before);
        assertThat(Arrays.asList(log.getParent().toFile().list())).noneMatch(name -> name.contains("damaged"));
    }

    private long lineStart(int line) throws IOException {
        return FileDamage.lineStart(log, line);
    }

    private void cut(long size) throws IOException {
        FileDamage.cut(log, size);
    }
}
