package dev.pce.engine.learning.experiment;

import dev.pce.engine.CeException;
import dev.pce.engine.learning.LearnedPatterns;
import dev.pce.engine.learning.WorkflowLearning;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LearningExperimentTest {
    static final int WORKFLOWS = 20;
    static final long SEED = 1;

    @Test
    void learningLowersEstimateErrorAndMakespanOnTheDefaultSeed() {
        LearningExperiment.Result result = LearningExperiment.run(WORKFLOWS, SEED, HiddenTruth.defaults());
        // after the first workflow, the learning arm knows what the baseline never does
        int from = 1;
        assertThat(result.mean(from, WORKFLOWS, true, ArmResult::estimateError))
                .isLessThan(result.mean(from, WORKFLOWS, false, ArmResult::estimateError));
        assertThat(result.mean(from, WORKFLOWS, true, ArmResult::makespan))
                .isLessThan(result.mean(from, WORKFLOWS, false, ArmResult::makespan));
        assertThat(result.mean(from, WORKFLOWS, true, ArmResult::rework))
                .isLessThan(result.mean(from, WORKFLOWS, false, ArmResult::rework));
        // the first workflow knows nothing yet: both arms are the same run
        assertThat(result.rows().getFirst().learning().makespan())
                .isEqualTo(result.rows().getFirst().baseline().makespan());
    }

    @Test
    void earlyReviewsCarryTheMakespanGainAndEveryLearningArmLearns() {
        LearningExperiment.Result result = LearningExperiment.run(WORKFLOWS, SEED, HiddenTruth.defaults());
        double off = result.mean(1, WORKFLOWS, Arm.OFF, ArmResult::makespan);
        assertThat(result.mean(1, WORKFLOWS, Arm.REVIEWS, ArmResult::makespan)).isLessThan(off);
        assertThat(result.mean(1, WORKFLOWS, Arm.BOTH, ArmResult::makespan)).isLessThan(off);
        // estimates only: corrected estimates, no early review; reviews only: early reviews, planned estimates
        assertThat(result.rows()).allSatisfy(row -> {
            assertThat(row.arm(Arm.ESTIMATES).earlyReviews()).isZero();
            // the same work, timed from other start times: equal but for rounding
            assertThat(row.arm(Arm.REVIEWS).estimateError()).isCloseTo(row.baseline().estimateError(), within(1e-9));
        });
        assertThat(result.mean(1, WORKFLOWS, Arm.ESTIMATES, ArmResult::estimateError))
                .isLessThan(result.mean(1, WORKFLOWS, Arm.OFF, ArmResult::estimateError));
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        LearningExperiment.Result first = LearningExperiment.run(5, 7, HiddenTruth.defaults());
        LearningExperiment.Result second = LearningExperiment.run(5, 7, HiddenTruth.defaults());
        assertThat(second.rows()).extracting(row -> row.learning().makespan())
                .isEqualTo(first.rows().stream().map(row -> row.learning().makespan()).toList());
        assertThat(second.learned()).isEqualTo(first.learned());
    }

    @Test
    void theSimulatedHistoryTeachesTheHiddenFactorOfABiasedKind() {
        ArmResult run = LearningExperiment.run(1, SEED, HiddenTruth.defaults()).rows().getFirst().baseline();
        assertThat(LearnedPatterns.from(WorkflowLearning.report("wf-1", run.events()), "x"))
                .anySatisfy(pattern -> assertThat(pattern.key()).isEqualTo("estimate:design"));
    }

    @Test
    void aWorkflowCountOutOfRangeIsRefused() {
        assertThatThrownBy(() -> LearningExperiment.run(0, 1, HiddenTruth.defaults()))
                .isInstanceOf(CeException.class).hasMessageContaining("0 workflows");
    }
}
