package dev.pce.rules.scenario;

import dev.pce.engine.model.TaskSpec;

import java.util.List;

/**
 * A scenario of the dependency rules: given these tasks, expect these edges (all of them, no more), or an error.
 *
 * @param file         where it was read from, for reports
 * @param given        the tasks, with the fields of ce_plan's tasks
 * @param expectError  fragments the error's message or fix must all contain; empty when edges are expected
 * @param expectNotes  fragments each of which some note must contain; empty means notes are not checked
 */
public record DependencyScenario(String file, String name, String description, List<TaskSpec> given,
                                 List<ExpectedEdge> expect, List<String> expectError, List<String> expectNotes)
        implements Scenario {
    public DependencyScenario {
        given = List.copyOf(given);
        expect = List.copyOf(expect);
        expectError = List.copyOf(expectError);
        expectNotes = List.copyOf(expectNotes);
    }
}
