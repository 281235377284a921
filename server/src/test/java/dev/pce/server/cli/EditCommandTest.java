package dev.pce.server.cli;

import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.service.ClaimResult;
import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ce edit} on a real workspace: options and a file of edits, the answer, and a refusal that says why. */
class EditCommandTest {
    @TempDir
    Path dir;

    @Test
    void editsFromOptionsAndAFileAreRecordedAsOneEditAndAClaimedTaskIsRefused() throws Exception {
        Path ws = dir.resolve("ws");
        String id;
        try (WorkflowService service = new WorkflowService(Workspace.open(ws), java.time.Clock.systemUTC())) {
            id = service.plan("ship", List.of(TaskSpec.builder("a", "build").build(),
                    TaskSpec.builder("b", "build").dependsOn("a").build(),
                    TaskSpec.builder("c", "build").dependsOn("b").build(),
                    TaskSpec.builder("x", "docs").build()), "planner").workflowId();
            ClaimResult claim = service.claim(id, "builders", "b1", Optional.of("a"), Duration.ofHours(1));
            assertThat(claim.claimed()).isTrue();
        }
        Path edits = dir.resolve("edits.json");
        Files.writeString(edits, """
                {"edits": [{"op": "add", "task": {"id": "docs", "title": "Write docs", "kind": "docs",
                            "estimate": "45m", "depends_on": ["b"]}}]}
                """);

        InProcessCe done = InProcessCe.run("edit", "--workspace", ws.toString(), id, "--request-id", "r1",
                "--file", edits.toString(), "--remove", "x", "--estimate", "b=2h", "--depend", "c:docs:soft",
                "--drop", "c:b", "--reason", "scope");

        assertThat(done.exitCode()).as(done.err()).isZero();
        assertThat(done.out()).startsWith("Edited " + id + " (request r1)\n")
                .contains("  add docs\n", "  remove x\n", "  re-estimate b to 120 min\n",
                        "  c depends on docs (soft)\n", "  c no longer depends on b\n", "added: docs\n",
                        "removed: x\n", "changed: b, c\n");
        try (WorkflowService service = new WorkflowService(Workspace.open(ws), java.time.Clock.systemUTC())) {
            TaskSpec c = service.plannedTasks(id).stream().filter(t -> t.id().equals("c")).findFirst().orElseThrow();
            assertThat(c.dependsOn()).containsExactly("docs");
        }

        InProcessCe again = InProcessCe.run("edit", "--workspace", ws.toString(), id, "--request-id", "r1",
                "--file", edits.toString(), "--remove", "x", "--estimate", "b=2h", "--depend", "c:docs:soft",
                "--drop", "c:b", "--reason", "scope");
        assertThat(again.out()).startsWith("Already recorded (nothing changed): " + id);

        InProcessCe refused = InProcessCe.run("edit", "--workspace", ws.toString(), id, "--request-id", "r2",
                "--estimate", "a=10");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("'a' is held by b1 under claim", "Fix: Leave done tasks");
    }
}
