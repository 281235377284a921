package dev.pce.rules.dependency;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.workflow.PlanValidator;

import java.util.List;

/**
 * Measures, in the JVM it runs in: the cold KieBase build, then classification of generated plans of 100, 1,000
 * and 10,000 tasks after warm-up (median of 5 runs). Not a test; run it in a fresh JVM:
 * {@code java -cp <test classpath> dev.pce.rules.dependency.RulesBench}.
 */
public final class RulesBench {

    private RulesBench() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        DependencyRules.shared().kieBase();
        System.out.printf("KieBase build (cold): %.0f ms%n", (System.nanoTime() - start) / 1e6);
        DroolsDependencyClassifier classifier = new DroolsDependencyClassifier();
        List<TaskSpec> first = PlanValidator.validate("first", GeneratedPlans.plan(100, 42));
        start = System.nanoTime();
        classifier.classify(first);
        System.out.printf("first classification (100 tasks, cold session): %.0f ms%n", (System.nanoTime() - start) / 1e6);
        List<TaskSpec> warm = PlanValidator.validate("warm", GeneratedPlans.plan(1_000, 99));
        for (int i = 0; i < 15; i++) {
            classifier.classify(warm);
        }
        for (int size : new int[] {100, 1_000, 10_000}) {
            List<TaskSpec> plan = PlanValidator.validate("bench", GeneratedPlans.plan(size, 1));
            long[] times = new long[5];
            List<ClassifiedEdge> edges = List.of();
            for (int i = 0; i < times.length; i++) {
                long t = System.nanoTime();
                edges = classifier.classify(plan);
                times[i] = System.nanoTime() - t;
            }
            java.util.Arrays.sort(times);
            System.out.printf("classify %,d tasks: %.1f ms median (min %.1f, max %.1f), %,d edges%n", size,
                    times[2] / 1e6, times[0] / 1e6, times[4] / 1e6, edges.size());
        }
    }
}
