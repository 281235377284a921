package dev.pce.engine.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A learned-rules sink that keeps what it was offered and accepts it as a version, or rejects it saying why. */
final class RecordingRules implements LearnedRulesSink {
    final List<List<Pattern>> offered = new ArrayList<>();
    private final Optional<String> rejection;
    private int version;

    private RecordingRules(int firstVersion, Optional<String> rejection) {
        this.version = firstVersion - 1;
        this.rejection = rejection;
    }

    static RecordingRules accepting(int firstVersion) {
        return new RecordingRules(firstVersion, Optional.empty());
    }

    static RecordingRules rejecting(String why) {
        return new RecordingRules(1, Optional.of(why));
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
        };
    }
}
