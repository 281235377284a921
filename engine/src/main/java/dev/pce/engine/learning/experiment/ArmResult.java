package dev.pce.engine.learning.experiment;

import dev.pce.engine.event.Event;

import java.util.List;

/**
 * One workflow run in one arm of the experiment.
 *
 * @param estimateError mean absolute percentage error of the estimates the schedule used against the actual
 *                      durations (of the successful attempts of the generated plan's tasks): mean |est - act| / act
 * @param makespan      simulated minutes from start until the last task finished, rework included
 * @param rework        tasks added because a review asked for changes
 * @param earlyReviews  security reviews added to the plan because a learned pattern asked for them
 * @param events        the simulated history, as the event log would hold it
 */
public record ArmResult(double estimateError, double makespan, int rework, int earlyReviews, List<Event> events) {
    public ArmResult {
        events = List.copyOf(events);
    }
}
