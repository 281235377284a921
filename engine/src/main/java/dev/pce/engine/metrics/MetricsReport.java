package dev.pce.engine.metrics;

import dev.pce.engine.event.Event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics of a workspace: some of its workflows in detail with their anomaly flags, and every workflow's
 * headline figures as trends.
 *
 * @param asOf      the report's time
 * @param workflows the workflows reported on, in the order they were planned
 * @param trend     every workflow of the workspace, in the order they were planned
 * @param flags     the anomaly flags of {@code workflows}
 */
public record MetricsReport(Instant asOf, List<WorkflowMetrics> workflows, List<TrendPoint> trend,
                            List<AnomalyFlag> flags) {

    public MetricsReport {
        workflows = List.copyOf(workflows);
        trend = List.copyOf(trend);
        flags = List.copyOf(flags);
    }

    /**
     * @param logs     each workflow's events (in sequence order) by workflow id
     * @param selected the one workflow to report on; empty: all of them. Every workflow is history for the flags
     *                 and a point of the trends either way
     */
    public static MetricsReport of(Map<String, List<Event>> logs, Optional<String> selected, Instant asOf) {
        List<WorkflowMetrics> all = new ArrayList<>(logs.size());
        logs.forEach((id, events) -> all.add(WorkflowMetrics.of(id, events, asOf)));
        // ids begin with the creation time, so they break ties (and order logs without a plan)
        all.sort(Comparator.comparing((WorkflowMetrics workflow) -> workflow.plannedAt().orElse(Instant.EPOCH))
                .thenComparing(WorkflowMetrics::workflowId));
        List<WorkflowMetrics> reported = selected.map(id -> all.stream()
                .filter(workflow -> workflow.workflowId().equals(id)).toList()).orElse(all);
        Anomalies history = Anomalies.in(all);
        List<AnomalyFlag> flags = new ArrayList<>();
        reported.forEach(workflow -> flags.addAll(history.of(workflow)));
        return new MetricsReport(asOf, reported, all.stream().map(TrendPoint::of).toList(), flags);
    }
}
