package dev.pce.engine.learning.experiment;

import dev.pce.engine.gate.Dimension;
import dev.pce.engine.learning.LearnedPatterns;
import dev.pce.engine.learning.Pattern;
import dev.pce.engine.learning.PatternOrigin;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.schedule.RandomStreams;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * What the experiment's world is really like and its planners do not know: how long each kind of task takes against
 * its estimate, how often attempts fail, and which changes hide a problem a review will find. It holds real patterns
 * (biased kinds, risky folders) and decoys (kinds that take about their estimate, folders written as often without
 * problems, single stray problems anywhere), so that a learner reporting everything it sees is not right by
 * construction.
 *
 * @param durationFactors  per kind, the median of actual / estimated (missing kinds: 1): what "takes 1.6x its
 *                         estimate" means to the learner, so a perfect learner reports exactly this factor
 * @param failureChances   per kind, the chance that an attempt fails halfway and is retried (once at most)
 * @param noise            the lognormal spread (sigma) of single durations around factor * estimate
 * @param buildFolders     per build kind, the folders its tasks write into (one file each, directly in the folder)
 * @param riskyPaths       the folders whose changes of one kind often hide a problem on one dimension
 * @param strayIssueChance the chance that any build hides a problem on a random dimension: a single event, no
 *                         pattern
 */
public record HiddenTruth(Map<String, Double> durationFactors, Map<String, Double> failureChances, double noise,
                          Map<String, List<String>> buildFolders, List<RiskyPath> riskyPaths,
                          double strayIssueChance) {

    /** Tasks of {@code kind} writing into {@code folder} hide a problem on {@code dimension} with {@code chance}. */
    public record RiskyPath(String kind, String folder, Dimension dimension, double chance) {
    }

    /** The dimensions a stray problem, or a drawn risky path, is on. */
    static final List<Dimension> PROBLEM_DIMENSIONS = List.of(Dimension.SECURITY, Dimension.PERFORMANCE,
            Dimension.TESTS);
    /** The kinds of the generated plans besides the builds: one each per feature. */
    static final List<String> FEATURE_KINDS = List.of("design", "test", "review");
    private static final Map<String, List<String>> FOLDERS = folders();

    public HiddenTruth {
        durationFactors = Map.copyOf(durationFactors);
        failureChances = Map.copyOf(failureChances);
        Map<String, List<String>> folders = new TreeMap<>();
        buildFolders.forEach((kind, list) -> folders.put(kind, List.copyOf(list)));
        buildFolders = Collections.unmodifiableMap(folders);
        riskyPaths = List.copyOf(riskyPaths);
        if (buildFolders.isEmpty()) {
            throw new IllegalArgumentException("a hidden truth needs at least one build kind");
        }
    }

    /** A fixed world: api builds take 1.6x, data 1.4x, design 1.2x, reviews 0.8x; migrations hide security problems. */
    public static HiddenTruth defaults() {
        return new HiddenTruth(Map.of("api", 1.6, "data", 1.4, "design", 1.2, "review", 0.8, "test", 1.0, "ui", 1.0),
                failures(), 0.25, FOLDERS,
                List.of(new RiskyPath("data", "db/migrations/", Dimension.SECURITY, 0.7)), 0.03);
    }

    /**
     * The world of one seed: each kind is biased with even odds (over: 1.3x to 2x, twice as likely as under: 0.55x
     * to 0.75x) or else a decoy within 3% of its estimate, at least one of each; one or two of the folders are risky.
     */
    public static HiddenTruth drawn(long seed) {
        SplittableRandom random = RandomStreams.of(seed, "truth");
        List<String> kinds = new ArrayList<>(FEATURE_KINDS);
        kinds.addAll(FOLDERS.keySet());
        Map<String, Double> factors = new TreeMap<>();
        while (factors.values().stream().noneMatch(HiddenTruth::biased)
                || factors.values().stream().allMatch(HiddenTruth::biased)) {
            for (String kind : kinds) {
                factors.put(kind, random.nextBoolean() ? biasedFactor(random) : decoyFactor(random));
            }
        }
        return new HiddenTruth(factors, failures(), 0.25, FOLDERS, riskyPaths(random), 0.03);
    }

    /**
     * A related project: the same kinds and how long they take (the same team and tools), other risky folders.
     */
    public HiddenTruth related(long seed) {
        SplittableRandom random = RandomStreams.of(seed, "related");
        return new HiddenTruth(durationFactors, failureChances, noise, buildFolders, riskyPaths(random),
                strayIssueChance);
    }

    /**
     * The patterns a perfect learner would report: an estimate bias for every kind whose factor lies outside the
     * band the learner calls unbiased ([{@link LearnedPatterns#UNBIASED_LOW}, {@link LearnedPatterns#UNBIASED_HIGH}]),
     * with that factor, and a review requirement for every risky path. Samples and confidence are not part of the
     * truth (1 and 1).
     */
    public List<Pattern> planted() {
        PatternOrigin origin = PatternOrigin.local("truth");
        List<Pattern> planted = new ArrayList<>();
        durationFactors.forEach((kind, factor) -> {
            if (biased(factor)) {
                planted.add(new Pattern.EstimateBias(kind, factor, 1, 1, List.of(), origin));
            }
        });
        riskyPaths.forEach(risky -> planted.add(new Pattern.ReviewRequirement(risky.kind(), risky.folder(),
                risky.dimension(), 1, 1, List.of(), origin)));
        return planted;
    }

    public double factor(String kind) {
        return durationFactors.getOrDefault(kind, 1.0);
    }

    public double failureChance(String kind) {
        return failureChances.getOrDefault(kind, 0.0);
    }

    /** The build kinds, in order. */
    public List<String> buildKinds() {
        return List.copyOf(buildFolders.keySet());
    }

    /**
     * The hidden problem of {@code task} in the world of {@code seed}: a risky path's dimension when the task writes
     * there (and the draw says so), else a stray problem (rarely), else none. Only builds hide problems.
     */
    Optional<Dimension> problem(long seed, TaskSpec task) {
        if (!buildFolders.containsKey(task.kind())) {
            return Optional.empty();
        }
        for (RiskyPath risky : riskyPaths) {
            boolean writesThere = risky.kind().equals(task.kind())
                    && task.writes().stream().anyMatch(path -> path.startsWith(risky.folder()));
            if (writesThere && draw(seed, "issue:" + task.id()) < risky.chance()) {
                return Optional.of(risky.dimension());
            }
        }
        if (draw(seed, "stray:" + task.id()) < strayIssueChance) {
            int which = (int) (draw(seed, "stray-dimension:" + task.id()) * PROBLEM_DIMENSIONS.size());
            return Optional.of(PROBLEM_DIMENSIONS.get(which));
        }
        return Optional.empty();
    }

    /** Whether a kind with this factor is biased in the learner's terms. */
    static boolean biased(double factor) {
        return factor < LearnedPatterns.UNBIASED_LOW || factor > LearnedPatterns.UNBIASED_HIGH;
    }

    /** A uniform draw in [0, 1) fixed by the seed and what it is for, so every arm sees the same world. */
    static double draw(long seed, String purpose) {
        return RandomStreams.draw(seed, purpose);
    }

    private static double decoyFactor(SplittableRandom random) {
        return Math.exp(random.nextDouble(-0.03, 0.03));
    }

    private static double biasedFactor(SplittableRandom random) {
        return random.nextDouble() < 2.0 / 3 ? Math.exp(random.nextDouble(Math.log(1.3), Math.log(2.0)))
                : Math.exp(random.nextDouble(Math.log(0.55), Math.log(0.75)));
    }

    /** One or two of the folders, each risky on a dimension with a chance from 0.6 to 0.8. */
    private static List<RiskyPath> riskyPaths(SplittableRandom random) {
        List<String[]> candidates = new ArrayList<>();
        FOLDERS.forEach((kind, folders) -> folders.forEach(folder -> candidates.add(new String[] {kind, folder})));
        int count = 1 + random.nextInt(2);
        List<RiskyPath> risky = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] candidate = candidates.remove(random.nextInt(candidates.size()));
            Dimension dimension = PROBLEM_DIMENSIONS.get(random.nextInt(2)); // security or performance
            risky.add(new RiskyPath(candidate[0], candidate[1], dimension, random.nextDouble(0.6, 0.8)));
        }
        return risky;
    }

    private static Map<String, Double> failures() {
        return Map.of("api", 0.15, "ui", 0.15, "data", 0.15, "test", 0.10);
    }

    /** Each build kind writes into two folders, half its tasks each. */
    private static Map<String, List<String>> folders() {
        Map<String, List<String>> folders = new LinkedHashMap<>();
        folders.put("api", List.of("src/api/handlers/", "src/auth/"));
        folders.put("data", List.of("db/migrations/", "src/data/repository/"));
        folders.put("ui", List.of("src/ui/components/", "src/ui/forms/"));
        return folders;
    }
}
