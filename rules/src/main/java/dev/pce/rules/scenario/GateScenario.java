package dev.pce.rules.scenario;

import dev.pce.engine.gate.GateRequest;

import java.util.List;
import java.util.Optional;

/**
 * A scenario of the gate rules: given a project type, evidence and threshold adjustments, expect these criteria
 * verdicts (only the criteria listed are checked), or an error.
 *
 * @param file        where it was read from, for reports
 * @param given       the gate request the scenario describes
 * @param blocking    whether the gate must block; empty when not checked
 * @param expect      the criteria to check; each names its criterion and the fields to compare
 * @param expectError fragments the error's message or fix must all contain; empty when criteria are expected
 */
public record GateScenario(String file, String name, String description, GateRequest given,
                           Optional<Boolean> blocking, List<ExpectedCriterion> expect, List<String> expectError)
        implements Scenario {
    public GateScenario {
        expect = List.copyOf(expect);
        expectError = List.copyOf(expectError);
    }
}
