package dev.pce.rules.scenario;

import dev.pce.engine.CeException;
import dev.pce.engine.gate.CriterionResult;
import dev.pce.engine.gate.GatePolicy;
import dev.pce.engine.gate.GateResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs a gate scenario: only the criteria it lists are compared, each on the fields it gives. */
final class GateScenarioRunner {
    private final GatePolicy policy;

    GateScenarioRunner(GatePolicy policy) {
        this.policy = policy;
    }

    ScenarioResult run(GateScenario scenario) {
        GateResult result;
        try {
            result = policy.evaluate(scenario.given());
        } catch (CeException e) {
            return ScenarioRunner.errorResult(scenario, e, "criteria");
        }
        List<String> actual = describe(result);
        if (scenario.expectsError()) {
            return ScenarioRunner.unexpectedSuccess(scenario, actual, "the gate judged the evidence");
        }
        List<String> mismatches = new ArrayList<>();
        scenario.blocking().filter(wanted -> wanted != result.blocking()).ifPresent(wanted ->
                mismatches.add("blocking: expected " + wanted + ", got " + result.blocking()));
        for (ExpectedCriterion expected : scenario.expect()) {
            Optional<CriterionResult> found = result.criterion(expected.criterion());
            if (found.isEmpty()) {
                mismatches.add("missing criterion: " + expected.criterion());
            } else {
                mismatches.addAll(expected.mismatches(found.get()));
            }
        }
        return new ScenarioResult(scenario, mismatches, actual);
    }

    private static List<String> describe(GateResult result) {
        List<String> lines = new ArrayList<>();
        lines.add("blocking: " + result.blocking());
        for (CriterionResult criterion : result.criteria()) {
            lines.add(criterion.criterion() + " " + criterion.verdict().wireName() + ", " + criterion.severity()
                    .wireName() + (criterion.required() ? ", required" : "") + ", " + criterion.comparison().words()
                    + " " + criterion.threshold() + (criterion.measured().isPresent()
                    ? ", measured " + criterion.measured().getAsDouble() : "") + " [" + criterion.rule() + "]"
                    + criterion.remediation().map(fix -> " -> " + fix.pool() + " '" + fix.title() + "' "
                    + fix.files()).orElse("") + ": " + criterion.reason());
        }
        return lines;
    }
}
