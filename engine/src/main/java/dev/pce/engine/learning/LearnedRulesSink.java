package dev.pce.engine.learning;

import java.util.List;
import java.util.Optional;

/**
 * The learned-rules port (implemented by the rules module): where learned patterns become rules that decide the next
 * plans, gates and conflicts, not only notes that describe them.
 */
public interface LearnedRulesSink {

    /**
     * Makes {@code patterns} the learned rules: all of them become a new version, or none does and the version in
     * force stays.
     */
    Outcome learn(List<Pattern> patterns);

    /** What became of the patterns offered: the version now in force, or why they were rejected. */
    interface Outcome {
        /** The learned-rules version now in force; empty when the patterns were rejected. */
        Optional<Integer> acceptedVersion();

        /** Why the patterns did not become rules (a rejected slot, a compile error); empty when accepted. */
        Optional<String> rejection();
    }
}
