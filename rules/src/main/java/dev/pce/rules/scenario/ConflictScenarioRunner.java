package dev.pce.rules.scenario;

import dev.pce.engine.CeException;
import dev.pce.engine.conflict.ConflictArbiter;
import dev.pce.engine.conflict.ContenderOutcome;
import dev.pce.engine.conflict.QualityResolution;
import dev.pce.engine.conflict.Resolution;
import dev.pce.engine.conflict.ResourceResolution;
import dev.pce.engine.conflict.TimelineResolution;
import dev.pce.rules.conflict.Rulings;

import java.util.ArrayList;
import java.util.List;

/** Runs a conflict scenario: only the resolution's fields it lists are compared. */
final class ConflictScenarioRunner {
    private final ConflictArbiter arbiter;

    ConflictScenarioRunner(ConflictArbiter arbiter) {
        this.arbiter = arbiter;
    }

    ScenarioResult run(ConflictScenario scenario) {
        Resolution resolution;
        try {
            resolution = arbiter.resolve(scenario.given());
        } catch (CeException e) {
            return ScenarioRunner.errorResult(scenario, e, "a resolution");
        }
        return new ScenarioResult(scenario, scenario.expect().mismatches(resolution), describe(resolution));
    }

    private static List<String> describe(Resolution resolution) {
        List<String> lines = new ArrayList<>();
        lines.add(resolution.kind().wireName() + " [" + resolution.rule() + "]: " + resolution.reason());
        switch (resolution) {
            case ResourceResolution resource -> {
                lines.add("winners " + resource.winners() + ", losers " + resource.losers() + ", shared files "
                        + resource.sharedFiles());
                for (ContenderOutcome outcome : resource.outcomes()) {
                    lines.add(outcome.taskId() + " " + outcome.action().wireName()
                            + (outcome.waitsFor().isEmpty() ? "" : " for " + outcome.waitsFor()) + " on "
                            + outcome.files() + " [" + outcome.rule() + "]: " + outcome.reason());
                }
            }
            case QualityResolution quality -> lines.add(quality.decision().wireName() + ", approval "
                    + quality.approval() + ", objection " + quality.objection() + ", approvers "
                    + quality.approvers() + ", objectors " + quality.objectors());
            case TimelineResolution timeline -> lines.add(timeline.decision().wireName() + ", factor "
                    + Rulings.number(timeline.factor()) + ", proposed estimate "
                    + Rulings.number(timeline.proposedEstimateMinutes()) + ", suggestion: " + timeline.suggestion());
        }
        return lines;
    }
}
