package dev.pce.engine.learning.experiment;

import dev.pce.engine.event.Event;
import dev.pce.engine.gate.Dimension;

import java.util.List;
import java.util.Map;

/**
 * One workflow run in one arm of the experiment.
 *
 * @param estimateError mean absolute percentage error of the estimates the schedule used against the actual
 *                      durations (of the successful attempts of the generated plan's tasks): mean |est - act| / act
 * @param makespan      simulated minutes from start until the last task finished, rework included
 * @param rework        tasks added because a review asked for changes
 * @param earlyReviews  reviews added to the plan because a learned review requirement asked for them
 * @param actualMinutes per task of the plan, the minutes of its successful attempt
 * @param problems      per task of the plan that hid a problem, its dimension (found early or by the final review)
 * @param events        the simulated history, as the event log would hold it
 */
public record ArmResult(double estimateError, double makespan, int rework, int earlyReviews,
                        Map<String, Double> actualMinutes, Map<String, Dimension> problems, List<Event> events) {
    public ArmResult {
        actualMinutes = Map.copyOf(actualMinutes);
        problems = Map.copyOf(problems);
        events = List.copyOf(events);
    }
}
