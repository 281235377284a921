package dev.pce.engine.learning;

import java.util.List;
import java.util.Optional;

/**
 * The learned-rules port (implemented by the rules module): where learned patterns become rules that decide the next
 * plans, gates and conflicts, not only notes that describe them.
 */
public interface LearnedRulesSink {

    /**
     * Makes {@code patterns} the learned rules. Each pattern is judged on its own: one that cannot become a rule is
     * left out and reported, and the others become the new version. Only a failure that is no one pattern's (the
     * project's own rules do not compile with them) keeps the version in force as it is.
     */
    Outcome learn(List<Pattern> patterns);

    /** What became of the patterns offered: the version now in force, the patterns left out, or why nothing changed. */
    interface Outcome {
        /** The learned-rules version now in force; empty when no version could be made. */
        Optional<Integer> acceptedVersion();

        /** Why no version could be made (the project's rules do not compile with them); empty when one was. */
        Optional<String> rejection();

        /** The patterns that did not become rules, each with why; the others are in force. */
        List<PatternRejection> rejectedPatterns();
    }
}
