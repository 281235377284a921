package dev.pce.engine.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The priority rules {@link ScheduleSearch} tries with {@link SerialScheduler}; each ranks tasks higher first. The
 * bottom level, the bottom level plus the work of the task's resource partners (a task others wait for to free a
 * file goes earlier), and on small plans both perturbed at random, up to {@link #MAX_SAMPLES} times within a budget
 * that shrinks with the square of the plan (fixed seeds, so a plan always gets the same schedule).
 */
final class PriorityRules {
    /** At most this many perturbed rules. */
    static final int MAX_SAMPLES = 48;
    /** Perturbed rules run while samples x remaining tasks squared stays below this (a few milliseconds). */
    static final long SAMPLE_BUDGET = 500_000;

    private PriorityRules() {
    }

    /** The bottom levels by index. */
    static double[] levels(TaskGraph graph, Priorities priorities) {
        double[] levels = new double[graph.size()];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = priorities.level(i);
        }
        return levels;
    }

    static List<double[]> of(TaskGraph graph, Priorities priorities, double[] durations, int remaining) {
        int n = graph.size();
        double[] levels = levels(graph, priorities);
        double[] partnerAware = new double[n];
        for (int i = 0; i < n; i++) {
            double partnerWork = 0;
            Ints partners = graph.partners(i);
            for (int k = 0; k < partners.size(); k++) {
                partnerWork += durations[partners.get(k)];
            }
            partnerAware[i] = levels[i] + partnerWork;
        }
        List<double[]> rules = new ArrayList<>();
        rules.add(levels);
        rules.add(partnerAware);
        long samples = Math.min(MAX_SAMPLES, SAMPLE_BUDGET / Math.max(1L, (long) remaining * remaining));
        for (int sample = 0; sample < samples; sample++) {
            SplittableRandom random = new SplittableRandom(sample);
            double spread = 0.05 + 0.3 * sample / MAX_SAMPLES;
            double[] base = sample % 2 == 0 ? levels : partnerAware;
            double[] perturbed = new double[n];
            for (int i = 0; i < n; i++) {
                perturbed[i] = base[i] * (1 + spread * (2 * random.nextDouble() - 1));
            }
            rules.add(perturbed);
        }
        return rules;
    }
}
