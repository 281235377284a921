package dev.pce.engine.learning.insight.experiment;

import dev.pce.engine.learning.insight.InsightEvent.Kind;
import dev.pce.engine.learning.insight.experiment.CaptureExperiment.Arm;
import dev.pce.engine.learning.insight.experiment.CaptureExperiment.ArmResult;
import dev.pce.engine.learning.insight.experiment.CaptureExperiment.KindShare;
import dev.pce.engine.learning.insight.experiment.CapturedNotes.Captured;
import dev.pce.engine.learning.insight.experiment.PlantedEvents.Planted;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The capture experiment's count, on a case checked by hand. */
class CaptureTallyTest {

    @Test
    void countsPlantedEventsANoteListsDuplicatesStrayNotesAndRoutineEventsWithANote() {
        // wf-a: two failures of one cause (seq 5, 7), a routine resource decision (6), the end in the last failure (7)
        PlantedEvents a = new PlantedEvents("wf-a", List.of(new Planted(Kind.TASK_FAILED, 5),
                new Planted(Kind.TASK_FAILED, 7), new Planted(Kind.WORKFLOW_ENDED, 7)), Map.of(),
                Map.of(6L, WorkflowDriver.RESOURCE), List.of());
        // wf-b: an overrun (4) and a gate failure (9) nothing noted
        PlantedEvents b = new PlantedEvents("wf-b", List.of(new Planted(Kind.OVERRUN, 4),
                new Planted(Kind.GATE_FAILED, 9)), Map.of(), Map.of(), List.of());
        CapturedNotes notes = new CapturedNotes(List.of(
                new Captured("failures/a1.md", "wf-a", "failure:build:x", List.of("task.failed@5")),
                new Captured("failures/a2.md", "wf-a", "failure:build:x", List.of("task.failed@5", "task.failed@7")),
                new Captured("insights/a3.md", "wf-a", "ended", List.of("workflow.ended@7")),
                new Captured("decisions/a4.md", "wf-a", "conflict:conflict-1", List.of("conflict.overridden@6")),
                new Captured("insights/b1.md", "wf-b", "overrun:build", List.of("task.overrun@4"))));

        ArmResult result = CaptureExperiment.tally(Arm.AUTOMATIC, new CaptureExperiment.Truth(List.of(a, b),
                List.of(10, 10)), notes, 0, 0);

        assertThat(share(result, Kind.TASK_FAILED)).isEqualTo(new KindShare(Kind.TASK_FAILED, 2, 2));
        assertThat(share(result, Kind.WORKFLOW_ENDED)).isEqualTo(new KindShare(Kind.WORKFLOW_ENDED, 1, 1));
        assertThat(share(result, Kind.OVERRUN)).isEqualTo(new KindShare(Kind.OVERRUN, 1, 1));
        assertThat(share(result, Kind.GATE_FAILED)).isEqualTo(new KindShare(Kind.GATE_FAILED, 1, 0));
        assertThat(share(result, Kind.CONFLICT_ESCALATED).share()).isNaN(); // none planted: no share
        assertThat(result.planted()).isEqualTo(5);
        assertThat(result.captured()).isEqualTo(4);
        assertThat(result.share()).isEqualTo(0.8);
        assertThat(result.duplicates()).isEqualTo(1); // a1 and a2 stand for one insight
        assertThat(result.notes()).isEqualTo(5);
        assertThat(result.strayNotes()).isEqualTo(1); // a4 lists no planted event
        assertThat(result.precision()).isEqualTo(0.8);
        assertThat(result.routineNoted()).isEqualTo(1); // seq 6 of wf-a, the resource decision
    }

    @Test
    void aVaultWithoutNotesCapturedNone() {
        PlantedEvents a = new PlantedEvents("wf-a", List.of(new Planted(Kind.TASK_FAILED, 5)), Map.of(), Map.of(),
                List.of());

        ArmResult result = CaptureExperiment.tally(Arm.OFF, new CaptureExperiment.Truth(List.of(a), List.of(3)),
                new CapturedNotes(List.of()), 0, 0);

        assertThat(result.share()).isZero();
        assertThat(result.precision()).isEqualTo(1);
    }

    private static KindShare share(ArmResult result, Kind kind) {
        return result.kinds().stream().filter(share -> share.kind() == kind).findFirst().orElseThrow();
    }
}
