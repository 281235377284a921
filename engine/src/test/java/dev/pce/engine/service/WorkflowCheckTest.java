package dev.pce.engine.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
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
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static dev.pce.engine.service.LogProblem.Kind.INCONSISTENT;
import static dev.pce.engine.service.LogProblem.Kind.UNREADABLE;
import static dev.pce.engine.testing.Plans.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What {@code ce doctor} finds in a workflow's log: every problem with its line, whether PCE can still read the
 * workflow, and what to do. Logs are damaged the ways the security review found: edited claim ids and event ids,
 * lines out of place, a log emptied or cut.
 */
class WorkflowCheckTest {
    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.standard();
    private CompletedWorkflow workflow;
    private Workspace workspace;
    private String id;
    private Path log;

    /** Line 1 the plan, 2 and 3 a's claim and completion, 4 and 5 b's. */
    @BeforeEach
    void completedWorkflow() {
        workflow = CompletedWorkflow.of(dir, clock, Plans.of(task("a"), task("b")));
        workspace = workflow.workspace();
        id = workflow.id();
        log = workflow.log();
    }

    @AfterEach
    void closeService() {
        workflow.close();
    }

    private WorkflowCheck.Result check() {
        return WorkflowCheck.check(workspace, id, false);
    }

    @Test
    void healthyLogHasNoProblems() {
        WorkflowCheck.Result result = check();

        assertThat(result.log()).isEqualTo(WorkflowCheck.Verdict.OK);
        assertThat(result.problems()).isEmpty();
        assertThat(result.events()).isEqualTo(5);
        assertThat(result.readable()).isTrue();
    }

    @Test
    void changedClaimIdOfACompletionIsReportedWithTheClaimsTheTaskHad() throws IOException {
        String realClaim = field(2, "payload", "claim_id");
        edit(3, line -> ((ObjectNode) line.get("payload")).put("claim_id", "cl-000000000000"));

        WorkflowCheck.Result result = check();

        assertThat(result.log()).isEqualTo(WorkflowCheck.Verdict.PROBLEM);
        assertThat(result.readable()).as("PCE still reads it, ignoring the report").isTrue();
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.kind()).isEqualTo(INCONSISTENT);
            assertThat(problem.what()).contains(log + " line 3", "task.completed of task 'a' names claim "
                    + "cl-000000000000", "its claims are " + realClaim + " (line 2)");
            assertThat(problem.fix()).contains("restore the log from a backup");
        });
    }

    @Test
    void malformedAndRepeatedEventIdsAreReportedOnTheirLines() throws IOException {
        String firstId = field(1, "id");
        edit(2, line -> line.put("id", "not-a-uuid"));
        edit(4, line -> line.put("id", firstId));

        assertThat(check().problems()).extracting(LogProblem::line, LogProblem::kind).containsExactly(
                tuple(2L, INCONSISTENT), tuple(4L, INCONSISTENT));
        assertThat(check().problems().get(0).what()).contains("'not-a-uuid' is not a UUID version 7");
        assertThat(check().problems().get(1).what()).contains(firstId + " is also the id of line 1");
    }

    @Test
    void seqGapAndRepeatAreEachReportedAndMakeTheWorkflowUnreadable() throws IOException {
        edit(3, line -> line.put("seq", 4));
        edit(5, line -> line.put("seq", 4));

        WorkflowCheck.Result result = check();

        assertThat(result.readable()).isFalse();
        assertThat(result.problems()).filteredOn(problem -> problem.what().contains("has seq"))
                .extracting(LogProblem::line, LogProblem::what).containsExactly(
                        tuple(3L, "Event log " + log + " line 3 has seq 4, expected 3."),
                        tuple(5L, "Event log " + log + " line 5 has seq 4, expected 5."));
    }

    @Test
    void everyDamagedLineIsReportedNotOnlyTheFirst() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.set(1, "{not json");
        lines.set(3, lines.get(3).substring(0, 20));
        Files.write(log, lines);

        assertThat(check().problems()).extracting(LogProblem::line, LogProblem::kind)
                .containsExactly(tuple(2L, UNREADABLE), tuple(4L, UNREADABLE));
        assertThat(check().problems().get(0).what()).contains(log + " line 2 is not valid JSON");
    }

    @Test
    void aLogThatDoesNotStartWithItsPlanIsUnreadable() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        Files.write(log, List.of(lines.get(0), lines.get(0).replace("\"seq\":1", "\"seq\":2")));
        List<LogProblem> second = check().problems();
        Files.write(log, List.of(lines.get(1).replace("\"seq\":2", "\"seq\":1")));

        assertThat(second).filteredOn(problem -> problem.kind() == UNREADABLE).extracting(LogProblem::line)
                .contains(2L);
        assertThat(second).anySatisfy(problem -> assertThat(problem.what()).contains("a workflow is planned once"));
        assertThat(check().problems()).filteredOn(problem -> problem.line() == 1).singleElement()
                .satisfies(problem -> assertThat(problem.what()).contains("starts with its plan (workflow.planned)"))
                .extracting(LogProblem::kind).isEqualTo(UNREADABLE);
    }

    @Test
    void emptyLogIsUnreadable() throws IOException {
        Path empty = Files.createDirectories(workspace.workflowDir("wf-20250115-100000-bbbbbb"))
                .resolve(Workspace.EVENTS_FILE);
        Files.createFile(empty);

        WorkflowCheck.Result result = WorkflowCheck.check(workspace, "wf-20250115-100000-bbbbbb", false);

        assertThat(result.readable()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isZero();
            assertThat(problem.what()).contains(empty + " holds no events");
            assertThat(problem.fix()).contains("--repair-log wf-20250115-100000-bbbbbb");
        });
    }

    @Test
    void logCutInsideALineIsUnreadableAtThatLineWhileATornTailAfterItsEndIsNot() throws IOException {
        long fullSize = Files.size(log);
        Files.write(log, "{\"id\":\"0194".getBytes(), StandardOpenOption.APPEND);
        WorkflowCheck.Result torn = check();
        cut(lineStart(4) + 30);

        WorkflowCheck.Result cut = check();

        assertThat(torn.problems()).isEmpty();
        assertThat(torn.detail()).contains("a torn last line of 11 bytes after the acknowledged end");
        assertThat(Files.size(log)).isLessThan(fullSize);
        assertThat(cut.readable()).isFalse();
        assertThat(cut.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.what()).contains("ends inside line 4", "held 5 acknowledged events",
                    "events 4 to 5 are missing");
            assertThat(problem.fix()).contains("--repair-log " + id);
        });
    }

    /** Changes line {@code number} (1-based) of the log as JSON, as an editor would. */
    private void edit(int number, Consumer<ObjectNode> change) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        ObjectNode line = (ObjectNode) Json.mapper().readTree(lines.get(number - 1));
        change.accept(line);
        lines.set(number - 1, Json.mapper().writeValueAsString(line));
        Files.write(log, lines);
    }

    private String field(int number, String... path) throws IOException {
        var node = Json.mapper().readTree(Files.readAllLines(log).get(number - 1));
        for (String name : path) {
            node = node.get(name);
        }
        return node.asText();
    }

    private long lineStart(int line) throws IOException {
        return FileDamage.lineStart(log, line);
    }

    private void cut(long size) throws IOException {
        FileDamage.cut(log, size);
    }
}
