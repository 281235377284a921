package dev.pce.rules.scenario;

import dev.pce.engine.conflict.ConflictCase;

import java.util.List;

/**
 * A scenario of the conflict rules: given contenders, reviews or a running task, expect these fields of the
 * resolution (only those listed are checked). Conflict scenarios expect no errors: an invalid input is reported
 * when the file loads.
 *
 * @param file   where it was read from, for reports
 * @param given  the conflict to resolve
 * @param expect the fields of the resolution to check
 */
public record ConflictScenario(String file, String name, String description, ConflictCase given,
                               ExpectedResolution expect) implements Scenario {

    @Override
    public List<String> expectError() {
        return List.of();
    }
}
