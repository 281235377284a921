package dev.pce.engine.schedule;

import java.util.Map;

/**
 * A plan's task positions (plan order) and the positions each of its classified edges joins, as its
 * {@link TaskGraph} resolved them: built once per plan and handed on, so the workflow's other indexes of the same plan
 * (its relations) need not look every id up again.
 *
 * @param ids      each task's position; read only
 * @param edgeFrom the position of each edge's {@code from}, by the edge's place in the plan's list of edges
 * @param edgeTo   the position of each edge's {@code to}, likewise
 */
public record PlanPositions(Map<String, Integer> ids, int[] edgeFrom, int[] edgeTo) {
}
