package dev.pce.engine.pools;

import dev.pce.engine.model.Pools;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.pools.KindOutcomes.Share;
import dev.pce.engine.schedule.OutcomeRates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The failure and rework rates a simulation of a plan draws from, and where each came from. A rate given on the
 * command line wins kind by kind (a bare number for every kind not named); the other kinds take what the
 * workspace's finished workflows measured ({@link PoolHistory}): their own kind's rate when it rests on enough of a
 * sample, else the rate of every kind together when that does, else none (0).
 */
public final class LearnedOutcomeRates {
    /** Ended attempts a learned failure rate needs: fewer say more about chance than about the kind. */
    public static final int MIN_ATTEMPTS = 20;
    /** Completed reviews a learned rework rate needs. */
    public static final int MIN_REVIEWS = 10;

    private LearnedOutcomeRates() {
    }

    /**
     * The rates of what may go wrong, and where each came from.
     *
     * @param failures per kind of the plan's tasks, its failure rate
     * @param rework   per kind of the plan's reviews (tasks of the reviewers pool), its rework rate
     */
    public record Choice(OutcomeRates rates, List<Source> failures, List<Source> rework) {
        public Choice {
            failures = List.copyOf(failures);
            rework = List.copyOf(rework);
        }
    }

    /** One kind's rate and where it came from. */
    public record Source(String kind, double rate, Origin origin) {
    }

    /** Where a rate came from. */
    public sealed interface Origin {
        /** For the output: "given", "learned from 24 attempts in 4 workflows", ... */
        String describe();
    }

    /** The command line gave it. */
    public record Given(String option) implements Origin {
        @Override
        public String describe() {
            return "given by " + option;
        }
    }

    /** History measured it, for this kind alone. */
    public record Learned(Share sample, String unit) implements Origin {
        @Override
        public String describe() {
            return "learned from " + counted(sample, unit);
        }
    }

    /** History measured it for every kind together: this kind alone had too small a sample. */
    public record LearnedFromEveryKind(Share sample, Share ownSample, String unit, int minimum) implements Origin {
        @Override
        public String describe() {
            return "learned from " + counted(sample, unit) + " of every kind (this kind: "
                    + tooFew(ownSample, unit, minimum) + ")";
        }
    }

    /** Neither given nor learned: 0, with the sample that was too small. */
    public record TooLittleHistory(Share ownSample, String unit, int minimum) implements Origin {
        @Override
        public String describe() {
            return "none: " + tooFew(ownSample, unit, minimum);
        }
    }

    /**
     * The rates for {@code tasks} (a plan's): {@code failures} and {@code rework} as the options gave them, the rest
     * from {@code history} ({@link PoolHistory#NONE} to use only the given rates).
     */
    public static Choice choose(List<TaskSpec> tasks, OutcomeRates.Parsed failures, OutcomeRates.Parsed rework,
                                PoolHistory history) {
        Rate failure = new Rate("--failure-rate", failures, "attempts", MIN_ATTEMPTS, KindOutcomes::attempts, history);
        Rate review = new Rate("--rework-rate", rework, "reviews", MIN_REVIEWS, KindOutcomes::reviews, history);
        List<Source> failureSources = failure.sources(new TreeSet<>(tasks.stream().map(TaskSpec::kind).toList()));
        List<Source> reworkSources = review.sources(new TreeSet<>(tasks.stream()
                .filter(task -> task.pool().equals(Pools.REVIEWERS)).map(TaskSpec::kind).toList()));
        return new Choice(new OutcomeRates(failure.fallback(), failure.byKind(failureSources), review.fallback(),
                review.byKind(reworkSources)), failureSources, reworkSources);
    }

    /** One of the two rates: what the option gave and what history measured. */
    private record Rate(String option, OutcomeRates.Parsed given, String unit, int minimum,
                        Function<KindOutcomes, Share> share, PoolHistory history) {

        List<Source> sources(TreeSet<String> kinds) {
            List<Source> sources = new ArrayList<>();
            for (String kind : kinds) {
                sources.add(source(kind));
            }
            return sources;
        }

        private Source source(String kind) {
            Double named = given.byKind().get(kind);
            if (named != null) {
                return new Source(kind, named, new Given(option));
            }
            if (given.everyKind().isPresent()) {
                return new Source(kind, given.fallback(), new Given(option));
            }
            Share own = share.apply(history.outcomesOf(kind));
            if (own.count() >= minimum) {
                return new Source(kind, own.rate(), new Learned(own, unit));
            }
            OptionalDouble everyKind = learnedForEveryKind();
            return everyKind.isPresent() ? new Source(kind, everyKind.getAsDouble(),
                    new LearnedFromEveryKind(share.apply(history.outcomes()), own, unit, minimum))
                    : new Source(kind, 0, new TooLittleHistory(own, unit, minimum));
        }

        /** The rate of a kind neither named nor learned on its own: the bare number, else every kind's. */
        double fallback() {
            return given.everyKind().isPresent() ? given.fallback() : learnedForEveryKind().orElse(0);
        }

        private OptionalDouble learnedForEveryKind() {
            Share all = share.apply(history.outcomes());
            return all.count() >= minimum ? OptionalDouble.of(all.rate()) : OptionalDouble.empty();
        }

        /** The kinds' own rates: those named and those learned alone (the rest take the fallback). */
        Map<String, Double> byKind(List<Source> sources) {
            Map<String, Double> byKind = new TreeMap<>(given.byKind());
            sources.stream().filter(source -> source.origin() instanceof Learned)
                    .forEach(source -> byKind.put(source.kind(), source.rate()));
            return byKind;
        }
    }

    /** "24 attempts in 4 workflows"; {@code unit} is a plural in s. */
    private static String counted(Share sample, String unit) {
        return String.format(Locale.ROOT, "%d %s in %d workflow%s", sample.count(),
                sample.count() == 1 ? unit.substring(0, unit.length() - 1) : unit, sample.workflows(),
                sample.workflows() == 1 ? "" : "s");
    }

    private static String tooFew(Share sample, String unit, int minimum) {
        return counted(sample, unit) + ", fewer than the " + minimum + " a learned rate needs";
    }
}
