package dev.pce.rules.scenario;

import java.util.List;

/**
 * One case of a scenario file: given some input, expect what the rules decide, or an error. Which rules a file
 * tests is its top-level {@code rules} ({@link RuleSet}).
 */
public sealed interface Scenario permits DependencyScenario, GateScenario, ConflictScenario {

    /** Where it was read from, for reports. */
    String file();

    String name();

    String description();

    /** Fragments the error's message or fix must all contain; empty when the rules must decide. */
    List<String> expectError();

    /** Whether the scenario expects the rules to fail with an error. */
    default boolean expectsError() {
        return !expectError().isEmpty();
    }
}
