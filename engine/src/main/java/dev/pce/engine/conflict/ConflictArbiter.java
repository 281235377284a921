package dev.pce.engine.conflict;

/**
 * The port that decides conflicts between parallel agents (implemented by the Drools rules module, in
 * rules/conflicts.drl). It only decides: the caller records each resolution as an event (with the deciding rule
 * and reason) and acts on it; a person may later override it.
 *
 * <p>Implementations are thread-safe. Each method throws {@link dev.pce.engine.CeException} with
 * {@code INTERNAL} only when the rules themselves are defective (they decided nothing, or twice).
 */
public interface ConflictArbiter {

    /**
     * Decides which of several tasks that write overlapping files proceeds and which waits. A task that already
     * holds a live claim keeps it; among the others, the longer remaining critical path goes first, then the
     * earlier task of the plan, then the earlier request.
     */
    ResourceResolution resolveResource(ResourceContention contention);

    /**
     * Weighs the reviews of one task: approved, changes required, or escalated to a person when undecidable. A
     * security veto (an unresolved critical or high security finding, or a reviewer's security reject) requires
     * changes whatever the approvals.
     */
    QualityResolution resolveQuality(ReviewPanel reviews);

    /**
     * Checks a running task against its estimate: on track, a warning, or a reschedule with a suggestion and a
     * new estimate once it runs past k times its estimate (k per task kind, in the rules).
     */
    TimelineResolution resolveTimeline(RunningTask task);

    /** Decides any kind of conflict, by its kind. */
    default Resolution resolve(ConflictCase conflict) {
        return switch (conflict) {
            case ResourceContention contention -> resolveResource(contention);
            case ReviewPanel reviews -> resolveQuality(reviews);
            case RunningTask task -> resolveTimeline(task);
        };
    }
}
