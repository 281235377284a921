package dev.pce.server.report;

import dev.pce.engine.Elapsed;
import dev.pce.engine.metrics.Attempt;
import dev.pce.engine.metrics.TaskMetrics;
import dev.pce.engine.metrics.WorkflowMetrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A workflow's timeline: one row per task that was claimed, grouped by pool, one bar per attempt coloured by its
 * outcome, a thin bar before it for the wait from ready to claimed. Hovering a bar shows its details (an SVG
 * title, no script).
 */
final class GanttChart {
    private static final double WIDTH = 960;
    private static final double LABEL = 220;
    private static final double RIGHT = 16;
    private static final double AXIS = 24;
    private static final double POOL_ROW = 22;
    private static final double ROW = 20;
    private static final double BAR = 12;
    private static final double WAIT_BAR = 4;
    private static final double MIN_BAR = 1.5;

    private final WorkflowMetrics workflow;
    private final Set<String> flaggedTasks;
    private final Instant origin;
    private final double span;
    private final StringBuilder out = new StringBuilder();

    private GanttChart(WorkflowMetrics workflow, Set<String> flaggedTasks) {
        this.workflow = workflow;
        this.flaggedTasks = flaggedTasks;
        this.origin = workflow.start().orElse(Instant.EPOCH);
        this.span = Math.max(workflow.makespanSeconds(), 1e-3);
    }

    /** @param flaggedTasks tasks with an anomaly flag: their bars are outlined */
    static String render(WorkflowMetrics workflow, Set<String> flaggedTasks) {
        if (workflow.start().isEmpty()) {
            return Html.noData("no task has been claimed yet");
        }
        return new GanttChart(workflow, flaggedTasks).draw();
    }

    private String draw() {
        Map<String, List<TaskMetrics>> byPool = new TreeMap<>();
        for (TaskMetrics task : workflow.tasks()) {
            if (!task.attempts().isEmpty()) {
                byPool.computeIfAbsent(task.pool(), pool -> new ArrayList<>()).add(task);
            }
        }
        int rows = byPool.values().stream().mapToInt(List::size).sum();
        double height = AXIS + byPool.size() * POOL_ROW + rows * ROW + 6;
        out.append(Svg.open("gantt", WIDTH, height, "Timeline of workflow " + workflow.workflowId()
                + ": the attempts at its tasks by pool"));
        axis(height);
        double y = AXIS;
        for (Map.Entry<String, List<TaskMetrics>> pool : byPool.entrySet()) {
            out.append(Svg.text(4, y + 16, "pool", pool.getKey()));
            y += POOL_ROW;
            List<TaskMetrics> tasks = new ArrayList<>(pool.getValue());
            tasks.sort(Comparator.comparing(task -> task.attempts().getFirst().start()));
            for (TaskMetrics task : tasks) {
                row(task, y);
                y += ROW;
            }
        }
        return out.append("</svg>").toString();
    }

    private void axis(double height) {
        double step = Svg.timeStep(span, 8);
        for (double t = 0; t <= span + step / 1000; t += step) {
            double x = x(t);
            out.append("<line class=\"grid\" x1=\"").append(Svg.num(x)).append("\" y1=\"").append(Svg.num(AXIS - 6))
                    .append("\" x2=\"").append(Svg.num(x)).append("\" y2=\"").append(Svg.num(height)).append("\"/>");
            out.append(Svg.text(x + 2, AXIS - 9, "tick", t == 0 ? "0" : "+" + ReportFormat.duration(t)));
        }
    }

    private void row(TaskMetrics task, double y) {
        out.append("<text x=\"12\" y=\"").append(Svg.num(y + 14)).append("\" class=\"task\">")
                .append(Html.escape(Html.clip(task.id(), 30))).append("<title>")
                .append(Html.escape(task.id() + ": " + task.title() + " (" + task.kind() + ", "
                        + task.status().wireName() + ")"))
                .append("</title></text>");
        boolean flagged = flaggedTasks.contains(task.id());
        for (Attempt attempt : task.attempts()) {
            attempt.readyAt().ifPresent(ready -> waitBar(task, attempt, ready, y));
            double x = x(attempt.start());
            double width = Math.max(MIN_BAR, x(attempt.end()) - x);
            out.append("<rect class=\"attempt ").append(attempt.outcome().wireName()).append(flagged ? " flagged" : "")
                    .append("\" data-task=\"").append(Html.escape(task.id())).append("\" data-attempt=\"")
                    .append(attempt.number()).append("\" x=\"").append(Svg.num(x)).append("\" y=\"")
                    .append(Svg.num(y + (ROW - BAR) / 2)).append("\" width=\"").append(Svg.num(width))
                    .append("\" height=\"").append(Svg.num(BAR)).append("\" rx=\"2\"><title>")
                    .append(Html.escape(tooltip(task, attempt))).append("</title></rect>");
        }
    }

    private void waitBar(TaskMetrics task, Attempt attempt, Instant ready, double y) {
        double from = x(ready.isBefore(origin) ? origin : ready);
        double to = x(attempt.start());
        if (to - from < 0.5) {
            return;
        }
        out.append("<rect class=\"wait\" x=\"").append(Svg.num(from)).append("\" y=\"")
                .append(Svg.num(y + (ROW - WAIT_BAR) / 2)).append("\" width=\"").append(Svg.num(to - from))
                .append("\" height=\"").append(Svg.num(WAIT_BAR)).append("\"><title>")
                .append(Html.escape(task.id() + " waited " + ReportFormat.duration(attempt.waitSeconds())
                        + " from ready to claimed (attempt " + attempt.number() + ")"))
                .append("</title></rect>");
    }

    private String tooltip(TaskMetrics task, Attempt attempt) {
        return task.id() + ": " + task.title() + "\nattempt " + attempt.number() + " by " + attempt.agent() + " ("
                + attempt.pool() + "): " + attempt.outcome().wireName() + "\nstarted +"
                + ReportFormat.duration(seconds(attempt.start())) + ", took "
                + ReportFormat.duration(attempt.durationSeconds()) + "\nwaited "
                + ReportFormat.duration(attempt.waitSeconds()) + " from ready to claimed";
    }

    private double seconds(Instant at) {
        return Elapsed.seconds(origin, at);
    }

    private double x(Instant at) {
        return x(seconds(at));
    }

    private double x(double seconds) {
        return LABEL + Math.max(0, Math.min(seconds, span)) / span * (WIDTH - LABEL - RIGHT);
    }
}
