package dev.pce.rules.dependency;

/**
 * Conflicting declarations found by a rule; the plan is rejected with every problem listed.
 *
 * @param first  the task named first (the earlier one in plan order where there is an order)
 * @param second the other task involved
 */
public record PlanProblem(String first, String second, String message, String fix, String rule) {
}
