package dev.pce.engine.schedule;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A schedule as callers see it: times rounded to a tenth of a minute, per-task times left out (they are many and
 * change with every report). Minutes are counted from the moment the workflow was planned.
 *
 * @param etaMinutes          when the last task is expected to finish
 * @param remainingMinutes    from now until then
 * @param sequentialMinutes   the remaining work done one task after another
 * @param speedup             sequential / remaining
 * @param criticalPath        the longest chain of remaining work, first to last
 * @param criticalPathMinutes its length
 * @param lowerBoundMinutes   no schedule can finish the remaining work sooner
 * @param utilization         per pool, the share of its slots busy until the ETA (0 to 1)
 * @param waves               remaining tasks by depth: wave 0 waits for nothing that remains
 */
public record ScheduleView(double etaMinutes, double remainingMinutes, double sequentialMinutes, double speedup,
                           List<String> criticalPath, double criticalPathMinutes, double lowerBoundMinutes,
                           Map<String, Double> utilization, List<List<String>> waves) {

    public static ScheduleView of(Schedule schedule) {
        Map<String, Double> utilization = new TreeMap<>();
        schedule.utilization().forEach((pool, share) -> utilization.put(pool, Math.round(share * 1000) / 1000.0));
        return new ScheduleView(tenth(schedule.makespan()), tenth(schedule.span()), tenth(schedule.sequentialTime()),
                Math.round(schedule.speedup() * 100) / 100.0, schedule.criticalPath(),
                tenth(schedule.criticalPathLength()), tenth(schedule.lowerBound()), utilization, schedule.waves());
    }

    private static double tenth(double minutes) {
        return Math.round(minutes * 10) / 10.0;
    }
}
