package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.workspace.Workspace;
import dev.pce.server.bench.crash.Acknowledgement;
import dev.pce.server.bench.crash.CrashOptions;
import dev.pce.server.bench.crash.CrashResult;
import dev.pce.server.bench.crash.CrashRun;
import dev.pce.server.bench.crash.LogWitness;
import dev.pce.server.client.McpStdioClient.ToolResponse;
import dev.pce.server.client.Pages;
import dev.pce.testing.FileDamage;
import dev.pce.testing.SmallDisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The faults a machine throws at PCE, met by real server processes over stdio: processes killed with SIGKILL in the
 * middle of their writes, a disk that fills up and empties again, and logs a crash left damaged. Whatever a client
 * was answered must still be in the log afterwards, an error must say what went wrong, and the workflow must go
 * on once the fault is gone.
 *
 * <p>The kill test runs {@value #DEFAULT_KILLS} kills (set {@code -Dpce.crash.kills} for more); {@code ./ce bench
 * crash} runs 5,000 and reports them (docs/performance.md).
 */
class FaultInjectionIT {
    private static final int DEFAULT_KILLS = 500;
    private static final int KILLS = Integer.getInteger("pce.crash.kills", DEFAULT_KILLS);

    @TempDir
    Path temp;

    /**
     * Waves of processes append to one workflow's log at once and are killed at random moments after their first
     * acknowledgement: light appenders running the engine's log code, and in every tenth wave two real
     * {@code ce serve} processes whose three agents each claim and complete tasks with calls in flight (a server
     * start costs the CPU of some thirty appenders). After every wave the engine's reader must find everything
     * acknowledged; at the end a fresh server shows every acknowledged completion as done and takes the workflow on.
     */
    @Test
    void processesKilledWhileAppendingLoseNoAcknowledgedEvent() throws Exception {
        CrashOptions options = new CrashOptions(KILLS, 8, 2, 10, 3, 2_000, 60, 42);

        CrashResult result = new CrashRun(options, temp, new PrintWriter(System.err, true)).run();

        assertThat(result.lost()).as("acknowledged, then missing from the log").isEmpty();
        assertThat(result.problems()).isEmpty();
        assertThat(result.totalKills()).isGreaterThanOrEqualTo(KILLS);
        assertThat(result.kills().get("ce serve")).as("real servers killed").isGreaterThanOrEqualTo(KILLS / 50);
        assertThat(result.acknowledged()).as("acknowledgements checked, by kind")
                .containsKeys("Tick", "Claim", "Completion");
        System.err.printf("FaultInjectionIT: %d kills (%s), %d acknowledgements checked (%s), %d events, %d torn"
                        + " lines cut, %d s%n", result.totalKills(), result.kills(), result.totalAcknowledged(),
                result.acknowledged(), result.events(), result.tornTailsCut(), result.elapsed().toSeconds());
    }

    /**
     * A workspace on a small disk of its own: claims and completions go on until the disk is full, go wrong while
     * it is, saying the disk is full, and go on again once space returns. Nothing answered is lost, and what the
     * failed writes left behind is not mistaken for a crash.
     */
    @Test
    void aFullDiskRefusesWritesSayingSoLosesNothingAndTheWorkflowGoesOnWhenSpaceReturns() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(temp.resolve("small-disk"), "4m")) {
            Path workspace = disk.root();
            List<Acknowledgement> acknowledged = new ArrayList<>();
            List<String> refusedWhileFull = new ArrayList<>();
            String id;
            String stderr;
            try (ServerUnderTest server = ServerUnderTest.start(workspace)) {
                id = server.ok("ce_plan", Plans.chains(60, 1)).path("workflow_id").asText();
                Agent agent = new Agent(server, id, "planners", acknowledged);
                for (int i = 0; i < 3; i++) {
                    assertThat(agent.claimAndComplete()).as("before the disk filled").isEmpty();
                }

                disk.fill();
                for (int i = 0; i < 40 && refusedWhileFull.size() < 5; i++) {
                    agent.claimAndComplete().ifPresent(refusedWhileFull::add);
                }
                assertThat(refusedWhileFull).as("calls refused while the disk was full").isNotEmpty()
                        .allSatisfy(error -> assertThat(error.toLowerCase()).containsAnyOf("no space left on device",
                                "disk is full", "disk full"));

                disk.free();
                for (int i = 0; i < 10; i++) {
                    assertThat(agent.claimAndComplete()).as("after space returned").isEmpty();
                }
                stderr = server.stderr();
            }

            try (LogWitness witness = new LogWitness(Workspace.open(workspace).eventsFile(id))) {
                assertThat(witness.missing(acknowledged)).as("answered, then missing from the log").isEmpty();
            }
            try (ServerUnderTest fresh = ServerUnderTest.start(workspace)) {
                assertCompletionsDone(fresh, id, acknowledged);
            }
            assertThat(stderr).as("a write the full disk refused is no writer that died")
                    .doesNotContain("died mid-append");
        }
    }

    /** What a damaged log does to a user who opens the workflow with a fresh server. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedLogs")
    void aDamagedLogMeetsTheUserWithTheExpectedOutcome(Damage damage) throws Exception {
        Path workspace = temp.resolve("ws");
        List<Acknowledgement> acknowledged = new ArrayList<>();
        String id;
        try (ServerUnderTest server = ServerUnderTest.start(workspace)) {
            id = server.ok("ce_plan", Plans.chains(6, 1)).path("workflow_id").asText();
            Agent agent = new Agent(server, id, "planners", acknowledged);
            for (int i = 0; i < 2; i++) {
                assertThat(agent.claimAndComplete()).isEmpty();
            }
        }
        Path events = Workspace.open(workspace).eventsFile(id);
        byte[] before = Files.readAllBytes(events);

        damage.damage().apply(events);

        try (ServerUnderTest fresh = ServerUnderTest.start(workspace)) {
            ToolResponse status = fresh.call("ce_status", args("workflow_id", id));
            switch (damage.outcome()) {
                case Outcome.GoesOn goesOn -> {
                    assertThat(status.isError()).as("ce_status: %s", status.text()).isFalse();
                    assertThat(new Agent(fresh, id, "planners", acknowledged).claimAndComplete()).isEmpty();
                    assertCompletionsDone(fresh, id, acknowledged);
                    byte[] after = Files.readAllBytes(events);
                    assertThat(new String(after, 0, before.length, StandardCharsets.UTF_8))
                            .as("the lines before the damage, unchanged")
                            .isEqualTo(new String(before, StandardCharsets.UTF_8));
                    if (!goesOn.keptBeside().isEmpty()) {
                        Path torn = events.resolveSibling(events.getFileName() + ".torn");
                        assertThat(Files.readString(torn, StandardCharsets.ISO_8859_1)).as("kept beside the log")
                                .contains(goesOn.keptBeside());
                    }
                }
                case Outcome.Refused refused -> {
                    assertThat(status.isError()).as("ce_status on a damaged log").isTrue();
                    assertThat(status.text()).contains(refused.fragments());
                }
            }
        }
        try (LogWitness witness = new LogWitness(events)) {
            if (damage.outcome() instanceof Outcome.GoesOn) {
                assertThat(witness.missing(acknowledged)).isEmpty();
            }
        }
    }

    /**
     * The damages and what the user must meet. A crash can only leave a last line without its newline (each append
     * is one write, forced to disk before it is answered): the next writer cuts it and keeps it beside the log.
     * Damage a crash cannot cause (an empty log, a log cut or a line broken in the middle) is refused naming the line
     * and the way out, and nothing acknowledged is cut away.
     */
    static Stream<Damage> damagedLogs() {
        String halfALine = "{\"id\":\"01a2-dead\",\"seq\":99,\"time\":\"2026-01-01T00:00:00Z\",\"type\":\"task.clai";
        String wholeLineButItsNewline = "{\"id\":\"01a2-dead\",\"seq\":SEQ,\"time\":\"2026-01-01T00:00:00Z\","
                + "\"type\":\"load.tick\",\"source\":\"dead-writer\",\"payload\":{\"i\":1}}";
        return Stream.of(
                new Damage("a writer died after the first byte of a line", append("{"), new Outcome.GoesOn("{")),
                new Damage("a writer died halfway through a line", append(halfALine),
                        new Outcome.GoesOn(halfALine)),
                new Damage("a writer died before the newline of a whole line", events -> {
                    long lines = Files.readAllLines(events).size();
                    String line = wholeLineButItsNewline.replace("SEQ", Long.toString(lines + 1));
                    Files.writeString(events, line, StandardOpenOption.APPEND);
                }, new Outcome.GoesOn("dead-writer")),
                new Damage("the log emptied", events -> Files.write(events, new byte[0]),
                        new Outcome.Refused("is empty, but it held", "acknowledged events", "--repair-log")),
                new Damage("an empty log PCE never wrote", events -> {
                    Files.write(events, new byte[0]);
                    Files.delete(events.resolveSibling(events.getFileName() + ".ack"));
                }, new Outcome.Refused("holds no events, not even the plan", "--repair-log")),
                new Damage("the log cut inside its third line", events -> {
                    List<String> lines = Files.readAllLines(events);
                    int cut = (lines.get(0) + lines.get(1)).getBytes(StandardCharsets.UTF_8).length + 2 + 10;
                    FileDamage.cut(events, cut);
                }, new Outcome.Refused("ends inside line 3", "are missing", "--repair-log")),
                new Damage("a line in the middle garbled", events -> {
                    List<String> lines = new ArrayList<>(Files.readAllLines(events));
                    lines.set(1, "{\"garbled");
                    Files.write(events, lines);
                }, new Outcome.Refused("line 2", "ce doctor")));
    }

    /** A way a log gets damaged, and what a user must then meet. */
    record Damage(String name, LogDamage damage, Outcome outcome) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface LogDamage {
        void apply(Path events) throws IOException;
    }

    /** What the user meets after the damage. */
    sealed interface Outcome {
        /**
         * The workflow reads and goes on; every acknowledged event is there.
         *
         * @param keptBeside text of the damage that must be kept in {@code events.jsonl.torn}; empty: nothing is
         */
        record GoesOn(String keptBeside) implements Outcome {
        }

        /** The workflow is refused with an error that has every fragment (what, which line, what to do). */
        record Refused(String... fragments) implements Outcome {
        }
    }

    private static LogDamage append(String text) {
        return events -> Files.writeString(events, text, StandardOpenOption.APPEND);
    }

    private static void assertCompletionsDone(ServerUnderTest server, String id, List<Acknowledgement> acknowledged) {
        Map<String, String> statusOf = new HashMap<>();
        Pages.fullStatus(server.client(), id).path("tasks")
                .forEach(task -> statusOf.put(task.path("id").asText(), task.path("status").asText()));
        for (Acknowledgement acknowledgement : acknowledged) {
            if (acknowledgement instanceof Acknowledgement.Completion done) {
                assertThat(statusOf.get(done.taskId())).as(done.describe()).isEqualTo("done");
            }
        }
    }

    /** One agent of one pool claiming and completing, recording every answer it was given. */
    private record Agent(ServerUnderTest server, String workflowId, String pool, List<Acknowledgement> acknowledged) {

        /** Empty when both calls succeeded; otherwise the error the client was given. */
        Optional<String> claimAndComplete() {
            ToolResponse claim = server.call("ce_claim", args("workflow_id", workflowId, "pool", pool,
                    "agent", "agent-1"));
            if (claim.isError()) {
                return Optional.of(claim.text());
            }
            JsonNode task = claim.structured().path("task");
            assertThat(claim.structured().path("claimed").asBoolean()).as("a task to claim: %s", claim.text())
                    .isTrue();
            String taskId = task.path("spec").path("id").asText();
            String claimId = task.path("claim_id").asText();
            acknowledged.add(new Acknowledgement.Claim("server", taskId, claimId));
            ToolResponse done = server.call("ce_complete", args("workflow_id", workflowId, "task_id", taskId,
                    "claim_id", claimId, "agent", "agent-1", "summary", "done"));
            if (done.isError()) {
                return Optional.of(done.text());
            }
            acknowledged.add(new Acknowledgement.Completion("server", taskId, claimId));
            return Optional.empty();
        }
    }
}
