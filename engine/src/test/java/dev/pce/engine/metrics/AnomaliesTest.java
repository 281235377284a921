package dev.pce.engine.metrics;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.pce.engine.metrics.Log.at;
import static dev.pce.engine.metrics.Log.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AnomaliesTest {
    private static final double NOW = 10_000;

    /** A past workflow in which one build task took {@code seconds}, claimed {@code wait} s after the plan. */
    private static WorkflowMetrics pastBuild(int n, double seconds, double wait) {
        Log log = new Log().plan(task("build", "build")).ran("build", "builders", "b1", wait, wait + seconds);
        return WorkflowMetrics.of("wf-past-" + n, log.events(), at(NOW));
    }

    private static List<WorkflowMetrics> pastBuilds(double... seconds) {
        List<WorkflowMetrics> past = new ArrayList<>();
        for (int i = 0; i < seconds.length; i++) {
            past.add(pastBuild(i, seconds[i], 0.5));
        }
        return past;
    }

    private static WorkflowMetrics subject(double buildSeconds) {
        Log log = new Log().plan(task("slow", "build"), task("check", "review"))
                .ran("slow", "builders", "b1", 0, buildSeconds).ran("check", "reviewers", "r1", 0, 10_000);
        return WorkflowMetrics.of("wf-now", log.events(), at(NOW));
    }

    private static List<WorkflowMetrics> with(WorkflowMetrics subject, List<WorkflowMetrics> past) {
        List<WorkflowMetrics> all = new ArrayList<>(past);
        all.add(subject);
        return all;
    }

    @Test
    void aTaskSlowerThanTheP95OfItsKindAndPoolIsFlaggedWithTheFiguresThatMadeIt() {
        WorkflowMetrics subject = subject(200);

        List<AnomalyFlag> flags = Anomalies.in(with(subject, pastBuilds(50, 55, 60, 65, 70))).of(subject);

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.workflowId()).isEqualTo("wf-now");
            assertThat(flag.kind()).isEqualTo(AnomalyKind.TASK_DURATION);
            assertThat(flag.subject()).isEqualTo("slow");
            assertThat(flag.group()).isEqualTo("build/builders");
            assertThat(flag.value()).isEqualTo(200.0);
            assertThat(flag.p95().getAsDouble()).isEqualTo(70.0);
            assertThat(flag.samples()).isEqualTo(5);
            assertThat(flag.message()).isEqualTo("task 'slow' took 200.0 s, above the p95 of 70.0 s of 5 "
                    + "completed build/builders attempts elsewhere");
        });
    }

    @Test
    void aHistoryOfFewerThanFiveValuesFlagsNothing() {
        WorkflowMetrics subject = subject(200);

        assertThat(Anomalies.in(with(subject, pastBuilds(50, 55, 60, 65))).of(subject)).isEmpty();
    }

    @Test
    void aValueMustPassTheP95ByMoreThanASecond() {
        List<WorkflowMetrics> past = pastBuilds(50, 55, 60, 65, 70);

        assertThat(Anomalies.in(past).of(subject(70.9))).isEmpty();
        assertThat(Anomalies.in(past).of(subject(71.2))).extracting(AnomalyFlag::kind)
                .containsExactly(AnomalyKind.TASK_DURATION);
    }

    @Test
    void aWorkflowIsNotItsOwnHistory() {
        Log log = new Log().plan(task("a", "build"), task("b", "build"), task("c", "build"), task("d", "build"),
                task("e", "build"), task("f", "build"));
        for (String id : List.of("a", "b", "c", "d", "e")) {
            log.ran(id, "builders", "b-" + id, 0, 10);
        }
        log.ran("f", "builders", "b-f", 0, 100);
        WorkflowMetrics alone = WorkflowMetrics.of("wf-alone", log.events(), at(NOW));

        assertThat(Anomalies.in(List.of(alone)).of(alone)).isEmpty();
    }

    @Test
    void aWorkflowsOwnValuesAreLeftOutOfItsHistoryEvenWhereOthersHaveTheSameValues() {
        Log log = new Log().plan(task("quick", "build"), task("slow", "build"))
                .ran("quick", "builders", "b1", 0, 50).ran("slow", "builders", "b2", 0, 100);
        WorkflowMetrics subject = WorkflowMetrics.of("wf-now", log.events(), at(NOW));

        // the others' 10..50 s; the subject's own 50 s and 100 s are not history: the p95 of five values is 50
        assertThat(Anomalies.in(with(subject, pastBuilds(10, 20, 30, 40, 50))).of(subject)).singleElement()
                .satisfies(flag -> {
                    assertThat(flag.subject()).isEqualTo("slow");
                    assertThat(flag.p95().getAsDouble()).isEqualTo(50.0);
                    assertThat(flag.samples()).isEqualTo(5);
                });
    }

    @Test
    void anotherKindIsAnotherHistory() {
        List<WorkflowMetrics> pastReviews = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pastReviews.add(WorkflowMetrics.of("wf-r" + i, new Log().plan(task("r", "review"))
                    .ran("r", "reviewers", "r1", 0, 10).events(), at(NOW)));
        }

        // the 10,000 s review stands out among reviews; the 200 s build has no history of builds to stand out in
        assertThat(Anomalies.in(pastReviews).of(subject(200)))
                .extracting(AnomalyFlag::subject, AnomalyFlag::group)
                .containsExactly(tuple("check", "review/reviewers"));
    }

    @Test
    void aLongWaitFromReadyToClaimedIsFlaggedAgainstThePoolsWaits() {
        Log log = new Log().plan(task("late", "build")).ran("late", "builders", "b1", 30, 40);
        WorkflowMetrics subject = WorkflowMetrics.of("wf-now", log.events(), at(NOW));

        List<AnomalyFlag> flags = Anomalies.in(pastBuilds(10, 10, 10, 10, 10)).of(subject);

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.kind()).isEqualTo(AnomalyKind.TASK_WAIT);
            assertThat(flag.group()).isEqualTo("builders");
            assertThat(flag.value()).isEqualTo(30.0);
            assertThat(flag.p95().getAsDouble()).isEqualTo(0.5);
            assertThat(flag.message()).contains("waited 30.0 s", "attempt 1", "p95 of 0.5 s of 5 waits");
        });
    }

    @Test
    void aRunningTaskAlreadyPastTheP95IsFlagged() {
        Log log = new Log().plan(task("stuck", "build"));
        log.claim("stuck", "builders", "b1", 0, 100_000);
        WorkflowMetrics subject = WorkflowMetrics.of("wf-now", log.events(), at(500));

        assertThat(Anomalies.in(pastBuilds(50, 55, 60, 65, 70)).of(subject)).singleElement()
                .satisfies(flag -> assertThat(flag.message()).startsWith("task 'stuck' has been running for 500.0 s"));
    }

    @Test
    void aGateThatBlocksWhereItUsuallyPassesIsFlagged() {
        List<WorkflowMetrics> past = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            past.add(WorkflowMetrics.of("wf-g" + i, new Log().plan(task("a", "build")).gate("wave-0", 0, 10, false)
                    .events(), at(NOW)));
        }
        WorkflowMetrics subject = WorkflowMetrics.of("wf-now", new Log().plan(task("a", "build"))
                .gate("wave-0", 0, 10, true).events(), at(20));

        assertThat(Anomalies.in(past).of(subject)).singleElement().satisfies(flag -> {
            assertThat(flag.kind()).isEqualTo(AnomalyKind.GATE_FAILED);
            assertThat(flag.subject()).isEqualTo("wave-0");
            assertThat(flag.passRate().getAsDouble()).isEqualTo(1.0);
            assertThat(flag.p95()).isEmpty();
            assertThat(flag.samples()).isEqualTo(5);
            assertThat(flag.message())
                    .isEqualTo("gate 'wave-0' blocked; it passed 5 of 5 evaluations elsewhere (100%)");
        });

        past.set(0, WorkflowMetrics.of("wf-g0", new Log().plan(task("a", "build")).gate("wave-0", 0, 10, true)
                .events(), at(NOW)));
        assertThat(Anomalies.in(past).of(subject)).as("4 of 5 passed: blocking is not unusual").isEmpty();
    }

    @Test
    void aGateHoldLongerThanTheP95OfItsHoldsIsFlagged() {
        List<WorkflowMetrics> past = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            past.add(WorkflowMetrics.of("wf-g" + i, new Log().plan(task("a", "build"))
                    .gate("wave-0", 0, 10, true).gate("wave-0", 0, 20, false).events(), at(NOW)));
        }
        WorkflowMetrics subject = WorkflowMetrics.of("wf-now", new Log().plan(task("a", "build"))
                .gate("wave-0", 0, 10, true).events(), at(200));

        // blocking itself is not unusual here: half of the gate's evaluations elsewhere blocked
        assertThat(Anomalies.in(past).of(subject)).singleElement().satisfies(flag -> {
            assertThat(flag.kind()).isEqualTo(AnomalyKind.GATE_HOLD);
            assertThat(flag.value()).isEqualTo(190.0);
            assertThat(flag.p95().getAsDouble()).isEqualTo(10.0);
            assertThat(flag.message()).contains("has held the later waves for 190.0 s");
        });
    }
}
