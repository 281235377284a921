package dev.pce.rules.learned;

import dev.pce.engine.learning.LearnedRulesSink;
import dev.pce.engine.learning.PatternRejection;

import java.util.List;
import java.util.Optional;

/**
 * What became of learned rules offered as a new version: in use (without the patterns that could not become rules),
 * or rejected with the version in use unchanged.
 */
public sealed interface LearnOutcome extends LearnedRulesSink.Outcome
        permits LearnOutcome.Accepted, LearnOutcome.Rejected {

    /**
     * The rules compiled with the built-in and project rules, were stored as {@code version} and swapped in.
     *
     * @param rejectedPatterns the patterns left out of the version, each with why
     */
    record Accepted(LearnedVersion version, List<PatternRejection> rejectedPatterns) implements LearnOutcome {
        public Accepted {
            rejectedPatterns = List.copyOf(rejectedPatterns);
        }

        public Accepted(LearnedVersion version) {
            this(version, List.of());
        }

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
     * @param reasons          one line per problem: the project's file:line, or that no pattern could become a rule
     * @param current          the version still in use; empty when none (the built-in and project rules alone)
     * @param rejectedPatterns the patterns that could not become rules, each with why
     */
    record Rejected(List<String> reasons, Optional<LearnedVersion> current, List<PatternRejection> rejectedPatterns)
            implements LearnOutcome {
        public Rejected {
            reasons = List.copyOf(reasons);
            rejectedPatterns = List.copyOf(rejectedPatterns);
        }

        public Rejected(List<String> reasons, Optional<LearnedVersion> current) {
            this(reasons, current, List.of());
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
