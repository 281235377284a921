package dev.pce.engine.service;

import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.schedule.ScheduleView;
import dev.pce.engine.testing.ServiceTestBase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live schedule follows the clock, not only the events: a running task past its estimate pushes the ETA as time
 * passes, with no claim, report or expired lease in between; between two steps of the overrun the status is reused.
 */
class LiveEtaTest extends ServiceTestBase {
    /** Longer than the test's clock moves: no lease runs out, so only the overrun can move the ETA. */
    private static final Duration TTL = Duration.ofHours(4);

    @Test
    void aRunningTaskPastItsEstimatePushesTheEtaAsTimePasses() {
        String id = service.plan("overrun", List.of(TaskSpec.builder("a", "build").estimate(30).build(),
                TaskSpec.builder("b", "build").estimate(10).dependsOn("a").build()), "planner").workflowId();
        service.claim(id, "builders", "ann", Optional.empty(), TTL);
        assertThat(eta(id)).isEqualTo(40.0);

        clock.advance(Duration.ofMinutes(20));
        WorkflowStatus withinEstimate = service.status(id);
        assertThat(withinEstimate.schedule().orElseThrow().etaMinutes()).isEqualTo(40.0);

        clock.advance(Duration.ofMinutes(15)); // 35 minutes into a 30-minute task
        assertThat(eta(id)).as("expected to finish a step (a tenth of its estimate) after now, then b")
                .isEqualTo(46.0);
        clock.advance(Duration.ofSeconds(30));
        assertThat(service.status(id)).as("within one step the status is reused").isSameAs(service.status(id));
        assertThat(eta(id)).isEqualTo(46.0);

        clock.advance(Duration.ofSeconds(60)); // 36.5 minutes: the next step
        ScheduleView later = service.status(id).schedule().orElseThrow();
        assertThat(later.etaMinutes()).isEqualTo(49.0);
        assertThat(later.remainingMinutes()).isEqualTo(12.5);
        assertThat(later.criticalPath()).containsExactly("a", "b");
    }

    private double eta(String workflowId) {
        return service.status(workflowId).schedule().orElseThrow().etaMinutes();
    }
}
