package dev.pce.engine.learning.insight.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * What the capture experiment plants, drawn from its seed before anything runs: per workflow its builds, and per
 * build its failed attempts (with their reasons), whether it overruns, whether its agent vanishes, and who reviews
 * it; whether two builds write one file, whether a gate is judged and fails, and how the workflow ends. The same
 * seed draws the same schedule, so every arm of a run plants the same events.
 */
record CaptureSchedule(long seed, List<PlannedWorkflow> workflows) {

    /** Who reviews a build: one reviewer, two who agree (the rules decide), or two who split (a person decides). */
    enum Panel { SINGLE, AGREE, SPLIT }

    /** The quality gate judged before the last task: none, one that passes, one that fails once or twice. */
    enum Gate { NONE, PASS, FAIL, FAIL_TWICE }

    /**
     * @param failures       the reasons its failed attempts give, in order; each attempt is retried
     * @param overrun        its last attempt runs past twice its estimate, so the rules reschedule it
     * @param vanishes       its first agent disappears, and its lease runs out before another takes it over
     * @param personApproves when the panel splits: whether the person approves (else asks for changes)
     */
    record PlannedBuild(String id, int estimateMinutes, List<String> failures, boolean overrun, boolean vanishes,
                        Panel panel, boolean personApproves) {
        PlannedBuild {
            failures = List.copyOf(failures);
        }
    }

    /**
     * @param sharedFile       the first two builds write one file: a resource conflict when both are ready
     * @param personOverrules  a person overrules the rules' decision of that resource conflict
     * @param fails            the last task fails for good, which ends the workflow failed
     */
    record PlannedWorkflow(int index, long seed, List<PlannedBuild> builds, boolean sharedFile,
                           boolean personOverrules, Gate gate, boolean fails) {
        PlannedWorkflow {
            builds = List.copyOf(builds);
        }
    }

    /** Failure reasons: the digits differ from failure to failure, the cause (digits as #) recurs. */
    private static final List<String> REASONS = List.of(
            "Tests failed: %d of %d",
            "Compilation failed: %d errors in the module",
            "Timed out after %d minutes waiting for the database",
            "Dependency resolution failed: %d artifacts missing",
            "Lint found %d violations of rule %d");

    static CaptureSchedule draw(long seed, int count) {
        if (count < 1 || count > 1_000) {
            throw new IllegalArgumentException("--workflows must be 1 to 1000, not " + count);
        }
        Random random = new Random(seed);
        List<PlannedWorkflow> workflows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            workflows.add(workflow(i + 1, random.nextLong(), random));
        }
        return new CaptureSchedule(seed, workflows);
    }

    private static PlannedWorkflow workflow(int index, long workflowSeed, RandomGenerator random) {
        int buildCount = 2 + random.nextInt(3);
        // two of the workflow's five causes: failures in one workflow often share one
        List<String> causes = List.of(REASONS.get(random.nextInt(REASONS.size())),
                REASONS.get(random.nextInt(REASONS.size())));
        List<PlannedBuild> builds = new ArrayList<>(buildCount);
        for (int b = 1; b <= buildCount; b++) {
            int failed = chance(random, 0.10) ? 2 : chance(random, 0.25) ? 1 : 0;
            List<String> failures = new ArrayList<>(failed);
            for (int f = 0; f < failed; f++) {
                failures.add(causes.get(random.nextInt(causes.size()))
                        .formatted(1 + random.nextInt(40), 41 + random.nextInt(200)));
            }
            double panel = random.nextDouble();
            builds.add(new PlannedBuild("build-" + b, 10 + 5 * random.nextInt(4), failures, chance(random, 0.15),
                    chance(random, 0.10), panel < 0.5 ? Panel.SINGLE : panel < 0.75 ? Panel.AGREE : Panel.SPLIT,
                    chance(random, 0.6)));
        }
        boolean shared = chance(random, 0.5);
        double gate = random.nextDouble();
        return new PlannedWorkflow(index, workflowSeed, builds, shared, shared && chance(random, 0.3),
                gate < 0.3 ? Gate.NONE : gate < 0.6 ? Gate.PASS : gate < 0.85 ? Gate.FAIL : Gate.FAIL_TWICE,
                chance(random, 0.2));
    }

    private static boolean chance(RandomGenerator random, double probability) {
        return random.nextDouble() < probability;
    }
}
