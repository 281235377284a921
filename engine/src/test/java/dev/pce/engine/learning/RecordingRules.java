package dev.pce.engine.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A learned-rules sink that keeps what it was offered and accepts it as a version (leaving out the patterns it was
 * told to), or rejects it saying why.
 */
final class RecordingRules implements LearnedRulesSink {
    final List<List<Pattern>> offered = new ArrayList<>();
    private final Optional<String> rejection;
    private final List<PatternRejection> rejectedPatterns;
    private int version;

    private RecordingRules(int firstVersion, Optional<String> rejection, List<PatternRejection> rejectedPatterns) {
        this.version = firstVersion - 1;
        this.rejection = rejection;
        this.rejectedPatterns = rejectedPatterns;
    }

    static RecordingRules accepting(int firstVersion) {
        return new RecordingRules(firstVersion, Optional.empty(), List.of());
    }

    static RecordingRules acceptingWithout(PatternRejection... left) {
        return new RecordingRules(1, Optional.empty(), List.of(left));
    }

    static RecordingRules rejecting(String why) {
        return new RecordingRules(1, Optional.of(why), List.of());
    }

    @Override
    public Outcome learn(List<Pattern> patterns) {
        offered.add(List.copyOf(patterns));
        Optional<Integer> accepted = rejection.isPresent() ? Optional.empty() : Optional.of(++version);
        return new Outcome() {
            @Override
            public Optional<Integer> acceptedVersion() {
                return accepted;
            }

            @Override
            public Optional<String> rejection() {
                return rejection;
            }

            @Override
            public List<PatternRejection> rejectedPatterns() {
                return rejectedPatterns;
            }
        };
    }
}
