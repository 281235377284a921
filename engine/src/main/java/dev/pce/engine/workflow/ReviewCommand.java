package dev.pce.engine.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.dependency.DependencyClassifier;
import dev.pce.engine.dependency.EdgeClass;
import dev.pce.engine.event.EvidenceReported;
import dev.pce.engine.event.NewEvent;
import dev.pce.engine.conflict.ReviewVerdict;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Finding;
import dev.pce.engine.gate.Measurement;
import dev.pce.engine.gate.Metrics;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.model.TaskState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A reviewer reports the review task it holds: a verdict per dimension with findings. The review task is completed
 * and its verdicts become gate evidence (approvals, rejections, findings). If any dimension is not approved, the
 * reviewed work goes back: one rework task per reviewed task, in that task's pool, and a re-review after them
 * that every task waiting for this review now waits for too. All of it happens in one locked step; repeating the
 * report changes nothing.
 *
 * @param reviewTaskId the review task the reviewer claimed
 */
public record ReviewCommand(String reviewTaskId, String claimId, String agent, List<DimensionReview> reviews,
                            String summary, DependencyClassifier classifier) implements Command {
    public static final String REWORK_RULE = "review-rework";

    public ReviewCommand {
        Objects.requireNonNull(reviewTaskId, "reviewTaskId");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(agent, "agent");
        reviews = List.copyOf(reviews);
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(classifier, "classifier");
    }

    public boolean approved() {
        return reviews.stream().allMatch(review -> review.verdict() == ReviewVerdict.APPROVE);
    }

    @Override
    public List<NewEvent> decide(WorkflowState state, Instant now) {
        JsonNode data = Json.mapper().valueToTree(java.util.Map.of("reviews", reviews));
        List<NewEvent> events = new ArrayList<>(new CompleteCommand(reviewTaskId, claimId, agent, summary,
                List.of(), data).decide(state, now));
        if (events.isEmpty()) {
            return events; // reported before
        }
        events.add(new NewEvent(agent, evidence()));
        if (!approved()) {
            events.addAll(rework(state).decide(state, now));
        }
        return events;
    }

    /**
     * Approvals, rejections and findings of this review. A re-review replaces what the review it repeats said, so
     * changes asked for and then made do not count against the gate for ever.
     */
    private EvidenceReported evidence() {
        String source = "review:" + reviewTaskId.replaceAll("(-again-\\d+)+$", "");
        List<Measurement> counts = List.of(
                new Measurement(Dimension.REVIEW, Metrics.REVIEW_APPROVALS, approved() ? 1 : 0, source),
                new Measurement(Dimension.REVIEW, Metrics.REVIEW_REJECTIONS, approved() ? 0 : 1, source));
        List<Finding> findings = reviews.stream().flatMap(review -> review.findings().stream()).toList();
        return new EvidenceReported(source, counts, findings, List.of(), List.of());
    }

    private AddTasksCommand rework(WorkflowState state) {
        TaskState review = state.task(reviewTaskId).orElseThrow();
        List<TaskSpec> added = new ArrayList<>();
        Set<String> writes = new LinkedHashSet<>();
        for (String reviewedId : reviewed(state)) {
            TaskSpec reviewed = state.task(reviewedId).orElseThrow().spec();
            TaskSpec rework = TaskSpec.builder(free(state, reviewedId + "-rework"), reviewed.kind())
                    .pool(reviewed.pool()).title("Rework " + reviewed.title() + " after review " + reviewTaskId)
                    .estimate(Math.max(1, reviewed.estimateMinutes() / 2))
                    .reads(reviewed.reads().toArray(String[]::new)).writes(reviewed.writes().toArray(String[]::new))
                    .description(findingsText()).build();
            added.add(rework);
            writes.addAll(reviewed.writes());
        }
        TaskSpec spec = review.spec();
        TaskSpec reReview = TaskSpec.builder(free(state, reviewTaskId + "-again"), spec.kind()).pool(spec.pool())
                .title("Review again: " + spec.title()).estimate(spec.estimateMinutes())
                .reads(writes.toArray(String[]::new))
                .dependsOn(added.stream().map(TaskSpec::id).toArray(String[]::new))
                .description("The review " + reviewTaskId + " asked for changes:\n" + findingsText()).build();
        added.add(reReview);
        List<ClassifiedEdge> waitForReReview = state.dependentsOf(reviewTaskId).stream()
                .map(dependent -> new ClassifiedEdge(reReview.id(), dependent, EdgeClass.HARD, dependent
                        + " waits for the review of the rework (" + reviewTaskId + " asked for changes)",
                        REWORK_RULE, ""))
                .toList();
        return new AddTasksCommand(added, "review " + reviewTaskId + " asked for changes", "review:" + reviewTaskId,
                agent, classifier, waitForReReview);
    }

    /** The tasks the review reviews: those it gives feedback to, else those it waits for. */
    private List<String> reviewed(WorkflowState state) {
        List<String> feedback = state.relations().edges().stream()
                .filter(edge -> edge.edgeClass() == EdgeClass.FEEDBACK && edge.to().equals(reviewTaskId))
                .map(ClassifiedEdge::from).distinct().toList();
        return !feedback.isEmpty() ? feedback
                : state.relations().prerequisites(reviewTaskId).stream().map(PlanRelations.Prerequisite::taskId)
                        .toList();
    }

    private String findingsText() {
        StringBuilder text = new StringBuilder();
        for (DimensionReview review : reviews) {
            if (review.verdict() == ReviewVerdict.APPROVE) {
                continue;
            }
            text.append("- ").append(review.dimension().wireName()).append(": ").append(review.verdict().wireName())
                    .append('\n');
            for (Finding finding : review.findings()) {
                text.append("  - ").append(finding.severity().wireName()).append(' ')
                        .append(finding.file().isEmpty() ? "" : finding.file()
                                + (finding.line() > 0 ? ":" + finding.line() : "") + " ")
                        .append(finding.message()).append('\n');
            }
        }
        return text.toString();
    }

    /** {@code base-1}, or the next number the workflow does not use yet. */
    private static String free(WorkflowState state, String base) {
        int n = 1;
        while (state.task(base + "-" + n).isPresent()) {
            n++;
        }
        return base + "-" + n;
    }
}
