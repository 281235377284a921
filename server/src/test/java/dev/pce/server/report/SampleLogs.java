package dev.pce.server.report;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.EventPayload;
import dev.pce.engine.event.GateEvaluated;
import dev.pce.engine.event.TaskClaimed;
import dev.pce.engine.event.TaskCompleted;
import dev.pce.engine.event.TaskFailed;
import dev.pce.engine.event.WorkflowPlanned;
import dev.pce.engine.metrics.MetricsReport;
import dev.pce.engine.model.TaskSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Event logs made by hand for the renderers' tests: payloads at seconds after a fixed start. */
final class SampleLogs {
    static final Instant START = Instant.parse("2026-11-25T09:00:00Z");
    static final String HOSTILE_TITLE = "<script>alert('x')</script> & \"quotes\" \u0007bell";

    private SampleLogs() {
    }

    /**
     * A finished workflow: a design whose title is markup, two builds (one failed once, then done), a gate that
     * blocked then passed; and five earlier workflows whose builds took 10 s, so the slow build is flagged.
     */
    static MetricsReport report() {
        Map<String, List<Event>> logs = pastBuilds();
        logs.put("wf-now", now());
        return of(logs);
    }

    /** {@link #report()}'s workflows and {@code count} planned but not started, planned among the past ones. */
    static MetricsReport withNotStarted(int count) {
        Map<String, List<Event>> logs = pastBuilds();
        logs.putAll(notStartedLogs(count));
        logs.put("wf-now", now());
        return of(logs);
    }

    /** A workspace of {@code count} workflows planned but not started. */
    static MetricsReport notStarted(int count) {
        return of(notStartedLogs(count));
    }

    /** Five workflows whose one build took 10 s each, without a gate. */
    static MetricsReport withoutGates() {
        return of(pastBuilds());
    }

    private static Map<String, List<Event>> pastBuilds() {
        Map<String, List<Event>> logs = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            Log past = new Log(i * 100).plan("past " + i, TaskSpec.builder("build", "build").build());
            past.ran("build", "builders", "b1", 1, 11);
            logs.put("wf-past-" + i, past.events);
        }
        return logs;
    }

    private static Map<String, List<Event>> notStartedLogs(int count) {
        Map<String, List<Event>> logs = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            logs.put("wf-idle-" + i, new Log(250 + i).plan("idle " + i, TaskSpec.builder("build", "build").build())
                    .events);
        }
        return logs;
    }

    private static MetricsReport of(Map<String, List<Event>> logs) {
        return MetricsReport.of(logs, Optional.empty(), START.plus(Duration.ofHours(1)));
    }

    private static List<Event> now() {
        Log log = new Log(1000).plan("Ship <b>it</b>", TaskSpec.builder("design", "design").title(HOSTILE_TITLE)
                        .build(), TaskSpec.builder("build-a", "build").dependsOn("design").build(),
                TaskSpec.builder("build-b", "build").dependsOn("design").build());
        log.ran("design", "planners", "p1", 0, 20);
        String failed = log.claim("build-a", "builders", "b1", 21);
        log.at(30, new TaskFailed("build-a", failed, "tests failed", true, true));
        log.ran("build-b", "builders", "b2", 22, 32);
        log.at(33, new GateEvaluated("wave-1", 1, "library", true, List.of(), 0, List.of()));
        log.ran("build-a", "builders", "b1", 35, 95);
        log.at(96, new GateEvaluated("wave-1", 1, "library", false, List.of(), 0, List.of()));
        return log.events;
    }

    /** The report of a workspace without workflows. */
    static MetricsReport empty() {
        return MetricsReport.of(Map.of(), Optional.empty(), START);
    }

    private static final class Log {
        private final double offset;
        private final List<Event> events = new ArrayList<>();
        private int claims;

        Log(double offset) {
            this.offset = offset;
        }

        Log at(double second, EventPayload payload) {
            long seq = events.size() + 1;
            events.add(new Event("e" + seq, seq, START.plus(Duration.ofMillis(Math.round((offset + second) * 1000))),
                    "test", payload));
            return this;
        }

        Log plan(String goal, TaskSpec... tasks) {
            return at(0, new WorkflowPlanned(goal, List.of(tasks)));
        }

        String claim(String taskId, String pool, String agent, double second) {
            String claim = "c" + ++claims;
            at(second, new TaskClaimed(taskId, claim, agent, pool, START.plus(Duration.ofDays(1))));
            return claim;
        }

        void ran(String taskId, String pool, String agent, double from, double to) {
            String claim = claim(taskId, pool, agent, from);
            at(to, new TaskCompleted(taskId, claim, "done", List.of(), NullNode.getInstance(), false));
        }
    }
}
