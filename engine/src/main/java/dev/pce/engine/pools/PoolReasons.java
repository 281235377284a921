package dev.pce.engine.pools;

import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.schedule.Schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Why a pool gets the agents recommended, in history's terms (waits, failures, added work, time against estimates)
 * and the plan's (its share of the critical path, how busy it would be).
 */
final class PoolReasons {
    private final PoolHistory history;
    private final List<TaskSpec> plannerTasks;
    private final Map<String, Double> expectedMinutes = new HashMap<>();
    private final Schedule before;
    private final Schedule after;

    PoolReasons(PoolHistory history, List<TaskSpec> plannerTasks, List<TaskSpec> expected, Schedule before,
                Schedule after) {
        this.history = history;
        this.plannerTasks = plannerTasks;
        expected.forEach(task -> expectedMinutes.put(task.id(), task.estimateMinutes()));
        this.before = before;
        this.after = after;
    }

    String of(String pool, int current, int recommended) {
        List<String> parts = new ArrayList<>();
        parts.add(current == recommended ? pool + " stays at " + current
                : pool + " " + current + " -> " + recommended + " agent(s)");
        history.pool(pool).ifPresent(record -> parts.add(String.format(Locale.ROOT, "in %d finished workflow(s) "
                        + "its tasks waited %s of the time for an agent, %s of %d attempt(s) failed or expired, "
                        + "%d task(s) were added to %d planned", record.workflows(), percent(record.waitShare()),
                percent(record.failureRate()), record.attempts(), record.addedTasks(), record.plannedTasks())));
        double planned = plannerTasks.stream().filter(task -> task.pool().equals(pool))
                .mapToDouble(TaskSpec::estimateMinutes).sum();
        double expected = plannerTasks.stream().filter(task -> task.pool().equals(pool))
                .mapToDouble(task -> expectedMinutes.get(task.id())).sum();
        if (planned > 0 && Math.abs(expected / planned - 1) >= 0.05) {
            parts.add(String.format(Locale.ROOT, "history expects its work to take %.1fx the estimates",
                    expected / planned));
        }
        String busy = String.format(Locale.ROOT, "in this plan it carries %s of the critical path and would be busy "
                + "%s of the time", percent(criticalShare(pool)), percent(before.utilization().getOrDefault(pool, 0.0)));
        parts.add(current == recommended ? busy : busy + String.format(Locale.ROOT, " (%s with %d)",
                percent(after.utilization().getOrDefault(pool, 0.0)), recommended));
        return String.join("; ", parts);
    }

    /** The share of the critical path's expected time spent in {@code pool}'s tasks (current agents). */
    private double criticalShare(String pool) {
        Map<String, String> poolOf = new HashMap<>();
        plannerTasks.forEach(task -> poolOf.put(task.id(), task.pool()));
        double all = 0;
        double own = 0;
        for (String id : before.criticalPath()) {
            double minutes = expectedMinutes.getOrDefault(id, 0.0);
            all += minutes;
            own += pool.equals(poolOf.get(id)) ? minutes : 0;
        }
        return all > 0 ? own / all : 0;
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}
