package dev.pce.server.it;

import dev.pce.engine.event.NewEvent;
import dev.pce.engine.event.TaskClaimed;
import dev.pce.engine.event.TaskCompleted;
import dev.pce.engine.log.EventLog;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.workspace.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the protocol tests give the server to work on for long (to cancel it meanwhile) and what they look for in
 * the workspace afterwards, over stdio and over HTTP alike.
 */
final class Workloads {
    private Workloads() {
    }

    /**
     * A workflow of {@code tasks} finished tasks on the workspace the server will use: planned through the engine,
     * every task claimed in one append and completed ten minutes later in another. (Claiming and completing them one
     * by one is 6,000 appends, each forced to disk: half a minute on a busy disk.)
     */
    static String finishedWorkflow(Path workspace, int tasks) {
        List<TaskSpec> plan = new ArrayList<>();
        List<NewEvent> claims = new ArrayList<>();
        List<NewEvent> completions = new ArrayList<>();
        Instant claimed = Instant.now();
        for (int i = 0; i < tasks; i++) {
            String task = "t" + i;
            String claim = "cl-%012x".formatted(i);
            plan.add(TaskSpec.builder(task, "implement").title("Task " + i).estimate(5 + i % 7).build());
            claims.add(new NewEvent("builder-1", new TaskClaimed(task, claim, "builder-1", "builders",
                    claimed.plus(Duration.ofHours(1)))));
            completions.add(new NewEvent("builder-1", new TaskCompleted(task, claim, "done", List.of(), null,
                    false)));
        }
        Workspace open = Workspace.open(workspace);
        String id;
        try (WorkflowService engine = new WorkflowService(open, Clock.systemUTC())) {
            id = engine.plan("a long history", plan, "planner").workflowId();
        }
        append(open.eventsFile(id), claimed, claims);
        append(open.eventsFile(id), claimed.plus(Duration.ofMinutes(10)), completions);
        return id;
    }

    private static void append(Path log, Instant at, List<NewEvent> events) {
        try (EventLog open = EventLog.open(log, Clock.fixed(at, ZoneOffset.UTC))) {
            open.locked((caughtUp, appender) -> appender.append(events));
        }
    }

    /** {@code files} JUnit reports of {@code cases} passed test cases each, in {@code dir}; the directory. */
    static Path junitReports(Path dir, int files, int cases) throws IOException {
        Files.createDirectories(dir);
        for (int file = 0; file < files; file++) {
            Files.writeString(dir.resolve("TEST-big" + file + ".xml"), junitReport(file, cases));
        }
        return dir;
    }

    private static String junitReport(int file, int cases) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"big")
                .append(file).append("\" tests=\"").append(cases).append("\" failures=\"0\" errors=\"0\" skipped=\"0\">");
        for (int i = 0; i < cases; i++) {
            xml.append("<testcase classname=\"dev.example.Big").append(file).append("\" name=\"case").append(i)
                    .append("\" time=\"0.001\"/>");
        }
        return xml.append("</testsuite>\n").toString();
    }

    /** The markdown notes under {@code vault}; none when it does not exist. */
    static List<Path> notesIn(Path vault) throws IOException {
        if (!Files.exists(vault)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(vault)) {
            return files.filter(file -> file.toString().endsWith(".md")).toList();
        }
    }

    /** Writes a note of {@code type} with {@code title}. */
    static void note(Path file, String title, String type) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "---\ntitle: " + title + "\ntype: " + type + "\n---\n" + title + ", in a few words.\n");
    }
}
