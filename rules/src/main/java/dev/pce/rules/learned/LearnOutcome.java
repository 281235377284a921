package dev.pce.rules.learned;

import java.util.List;
import java.util.Optional;

/** What became of learned rules offered as a new version: in use, or rejected with the version in use unchanged. */
public sealed interface LearnOutcome permits LearnOutcome.Accepted, LearnOutcome.Rejected {

    /** The rules compiled with the built-in and project rules, were stored as {@code version} and swapped in. */
    record Accepted(LearnedVersion version) implements LearnOutcome {
    }

    /**
     * Nothing was stored or swapped.
     *
     * @param reasons one line per problem: the pattern, the slot or file:line, and what is allowed
     * @param current the version still in use; empty when none (the built-in and project rules alone)
     */
    record Rejected(List<String> reasons, Optional<LearnedVersion> current) implements LearnOutcome {
        public Rejected {
            reasons = List.copyOf(reasons);
        }

        public String describe() {
            return "The learned rules were rejected; " + current.map(v -> "version " + v.version())
                    .orElse("no learned version") + " stays in use:\n  " + String.join("\n  ", reasons);
        }
    }
}
