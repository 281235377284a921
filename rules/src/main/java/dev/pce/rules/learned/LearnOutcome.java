package dev.pce.rules.learned;

import dev.pce.engine.learning.LearnedRulesSink;

import java.util.List;
import java.util.Optional;

/** What became of learned rules offered as a new version: in use, or rejected with the version in use unchanged. */
public sealed interface LearnOutcome extends LearnedRulesSink.Outcome
        permits LearnOutcome.Accepted, LearnOutcome.Rejected {

    /** The rules compiled with the built-in and project rules, were stored as {@code version} and swapped in. */
    record Accepted(LearnedVersion version) implements LearnOutcome {
        @Override
        public Optional<Integer> acceptedVersion() {
            return Optional.of(version.version());
        }

        @Override
        public Optional<String> rejection() {
            return Optional.empty();
        }
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

        @Override
        public Optional<Integer> acceptedVersion() {
            return Optional.empty();
        }

        @Override
        public Optional<String> rejection() {
            return Optional.of(describe());
        }
    }
}
