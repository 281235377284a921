package dev.pce.engine.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;
import dev.pce.engine.conflict.ConflictArbiter;
import dev.pce.engine.conflict.DimensionReview;
import dev.pce.engine.conflict.QualityDecision;
import dev.pce.engine.conflict.QualityResolution;
import dev.pce.engine.conflict.Review;
import dev.pce.engine.conflict.ReviewFinding;
import dev.pce.engine.conflict.ReviewPanel;
import dev.pce.engine.conflict.ReviewVerdict;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.dependency.DependencyClassifier;
import dev.pce.engine.event.ConflictResolved;
import dev.pce.engine.event.EvidenceReported;
import dev.pce.engine.event.NewEvent;
import dev.pce.engine.event.ReviewReported;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Finding;
import dev.pce.engine.gate.Measurement;
import dev.pce.engine.gate.Metrics;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.model.TaskState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
                            String summary, DependencyClassifier classifier, Optional<ConflictArbiter> arbiter)
        implements Command {
    public static final String REWORK_RULE = "review-rework";

    public ReviewCommand {
        Objects.requireNonNull(reviewTaskId, "reviewTaskId");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(agent, "agent");
        reviews = List.copyOf(reviews);
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(arbiter, "arbiter");
    }

    /** Whether this reviewer approved every dimension. */
    public boolean approved() {
        return reviews.stream().allMatch(review -> review.verdict() == ReviewVerdict.APPROVE);
    }

    @Override
    public List<NewEvent> decide(WorkflowState state, Instant now) {
        JsonNode data = Json.mapper().valueToTree(Map.of("reviews", reviews));
        List<NewEvent> events = new ArrayList<>(new CompleteCommand(reviewTaskId, claimId, agent, summary,
                List.of(), data).decide(state, now));
        if (events.isEmpty()) {
            return events; // reported before
        }
        List<String> reviewed = reviewed(state);
        ReviewReported report = new ReviewReported(reviewTaskId, agent, reviewed, reviews);
        events.add(new NewEvent(agent, report));
        QualityDecision decision = approved() ? QualityDecision.APPROVED : QualityDecision.CHANGES_REQUIRED;
        Optional<ReviewPanel> panel = reviewed.isEmpty() ? Optional.empty() : panel(state, reviewed.getFirst(), report);
        if (panel.isPresent() && arbiter.isPresent()) {
            QualityResolution resolution = arbiter.get().resolveQuality(panel.get());
            decision = resolution.decision();
            events.add(new NewEvent(agent, new ConflictResolved(state.conflicts().nextId(), resolution, "")));
        }
        events.add(new NewEvent(agent, evidence(reviewed, decision)));
        if (decision == QualityDecision.CHANGES_REQUIRED) {
            events.addAll(rework(state, reviewed).decide(state, now));
        }
        return events;
    }

    /**
     * The reviews of the first reviewed task by more than one reviewer (this one included): reviewers who may
     * disagree, for the conflict rules to weigh. Empty when this is the only review.
     */
    private static Optional<ReviewPanel> panel(WorkflowState state, String reviewedTask, ReviewReported report) {
        List<ReviewReported> all = new ArrayList<>(state.conflicts().reviewsOf(reviewedTask));
        all.add(report);
        if (all.stream().map(ReviewReported::reviewer).distinct().count() < 2) {
            return Optional.empty();
        }
        return Optional.of(new ReviewPanel(reviewedTask, all.stream().map(ReviewCommand::asReview).toList()));
    }

    /** A reported review as the conflict rules read it: the worst verdict overall, each dimension's, findings. */
    private static Review asReview(ReviewReported report) {
        Map<Dimension, ReviewVerdict> dimensions = new EnumMap<>(Dimension.class);
        ReviewVerdict overall = ReviewVerdict.APPROVE;
        List<ReviewFinding> findings = new ArrayList<>();
        for (DimensionReview review : report.reviews()) {
            dimensions.put(review.dimension(), review.verdict());
            overall = review.verdict().compareTo(overall) > 0 ? review.verdict() : overall;
            review.findings().forEach(finding -> findings.add(ReviewFinding.open(finding)));
        }
        return new Review(report.reviewer() + " (" + report.reviewTaskId() + ")", overall, dimensions, findings);
    }

    /**
     * The review evidence of the reviewed work: one approval when the reviews add up to approval, one rejection
     * when they ask for changes, neither while a person has to decide; and the findings. Keyed by the work's
     * first planned task, so the review of the rework replaces what the review of the original said.
     */
    EvidenceReported evidence(List<String> reviewed, QualityDecision decision) {
        String work = reviewed.isEmpty() ? reviewTaskId : reviewed.getFirst().replaceAll("(-rework-\\d+)+$", "");
        String source = GateRecord.REVIEW_KEY_PREFIX + work;
        List<Measurement> counts = List.of(
                new Measurement(Dimension.REVIEW, Metrics.REVIEW_APPROVALS,
                        decision == QualityDecision.APPROVED ? 1 : 0, source),
                new Measurement(Dimension.REVIEW, Metrics.REVIEW_REJECTIONS,
                        decision == QualityDecision.CHANGES_REQUIRED ? 1 : 0, source));
        List<Finding> findings = reviews.stream().flatMap(review -> review.findings().stream()).toList();
        return new EvidenceReported(source, counts, findings, List.of(), List.of());
    }

    /** Rework for the reviewed tasks and a review of it, as a person deciding "request changes" also gets. */
    AddTasksCommand rework(WorkflowState state, List<String> reviewed) {
        TaskState review = state.task(reviewTaskId).orElseThrow();
        List<TaskSpec> added = new ArrayList<>();
        Set<String> writes = new LinkedHashSet<>();
        for (String reviewedId : reviewed) {
            TaskSpec original = state.task(reviewedId).orElseThrow().spec();
            TaskSpec rework = TaskSpec.builder(free(state, reviewedId + "-rework"), original.kind())
                    .pool(original.pool()).title("Rework " + original.title() + " after review " + reviewTaskId)
                    .estimate(Math.max(1, original.estimateMinutes() / 2))
                    .reads(original.reads().toArray(String[]::new)).writes(original.writes().toArray(String[]::new))
                    .description(findingsText()).build();
            added.add(rework);
            writes.addAll(original.writes());
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
    List<String> reviewed(WorkflowState state) {
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
