package dev.pce.engine.pools;

/**
 * How the attempts and the reviews of one kind of task (or of every kind) ended in the measured workflows: what the
 * failure and rework rates of a simulation are learned from ({@link LearnedOutcomeRates}).
 *
 * @param attempts the attempts that ended; hits: those that failed or whose lease ran out (as {@code ce report}
 *                 counts its failure rate)
 * @param reviews  the completed reviews (tasks of the reviewers pool, re-reviews included); hits: those that asked
 *                 for changes
 */
public record KindOutcomes(Share attempts, Share reviews) {
    public static final KindOutcomes NONE = new KindOutcomes(Share.NONE, Share.NONE);

    public KindOutcomes plus(KindOutcomes other) {
        return new KindOutcomes(attempts.plus(other.attempts), reviews.plus(other.reviews));
    }

    /**
     * {@code hits} of {@code count}, seen in {@code workflows} workflows.
     */
    public record Share(int hits, int count, int workflows) {
        public static final Share NONE = new Share(0, 0, 0);

        /** One workflow's share: it counts as a workflow when it counted anything. */
        static Share ofOneWorkflow(int hits, int count) {
            return new Share(hits, count, count > 0 ? 1 : 0);
        }

        /** hits / count; 0 when nothing was counted. */
        public double rate() {
            return count == 0 ? 0 : (double) hits / count;
        }

        public Share plus(Share other) {
            return new Share(hits + other.hits, count + other.count, workflows + other.workflows);
        }
    }
}
