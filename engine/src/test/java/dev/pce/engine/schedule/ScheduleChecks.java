package dev.pce.engine.schedule;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The invariants every schedule must keep, checked on a fresh plan's schedule by estimates. */
final class ScheduleChecks {
    private static final double EPSILON = 1e-9;

    private ScheduleChecks() {
    }

    static void assertValid(Schedule schedule, List<TaskSpec> tasks, List<ClassifiedEdge> edges, PoolSlots slots) {
        Map<String, Double> estimates = new HashMap<>();
        tasks.forEach(task -> estimates.put(task.id(), task.estimateMinutes()));
        Map<String, ScheduledTask> byId = new HashMap<>();
        schedule.tasks().forEach(task -> byId.put(task.id(), task));
        for (ClassifiedEdge edge : edges) {
            ScheduledTask from = byId.get(edge.from());
            ScheduledTask to = byId.get(edge.to());
            if (from == null || to == null) {
                continue;
            }
            if (edge.edgeClass() == EdgeClass.HARD) {
                assertThat(to.start()).as("hard %s -> %s", from.id(), to.id()).isGreaterThanOrEqualTo(from.finish());
            } else if (edge.edgeClass() == EdgeClass.SOFT) {
                double partial = from.start() + TaskGraph.SOFT_START_FRACTION * estimates.get(from.id());
                assertThat(to.start()).as("soft start %s -> %s", from.id(), to.id()).isGreaterThanOrEqualTo(partial);
                assertThat(to.finish()).as("soft finish %s -> %s", from.id(), to.id())
                        .isGreaterThanOrEqualTo(from.finish());
            } else if (edge.edgeClass() == EdgeClass.RESOURCE) {
                boolean apart = from.finish() <= to.start() || to.finish() <= from.start();
                assertThat(apart).as("resource %s [%s,%s] and %s [%s,%s]", from.id(), from.start(), from.finish(),
                        to.id(), to.start(), to.finish()).isTrue();
            }
        }
        for (ScheduledTask task : schedule.tasks()) {
            assertThat(task.slot()).as("slot of %s", task.id()).isBetween(0, slots.slotsOf(task.pool()) - 1);
            for (ScheduledTask other : schedule.tasks()) {
                if (other != task && other.pool().equals(task.pool()) && other.slot() == task.slot()) {
                    boolean apart = task.finish() <= other.start() || other.finish() <= task.start();
                    assertThat(apart).as("%s and %s share slot %s of %s", task.id(), other.id(), task.slot(),
                            task.pool()).isTrue();
                }
            }
        }
        assertThat(schedule.span()).isGreaterThanOrEqualTo(schedule.lowerBound() * (1 - EPSILON) - EPSILON);
        assertThat(schedule.lowerBound()).isGreaterThanOrEqualTo(schedule.criticalPathLength());
    }
}
