package dev.pce.rules.dependency;

import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.workflow.PlanCapacity;
import dev.pce.engine.workflow.PlanValidator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * Measures, in the JVM it runs in: the cold KieBase build, then classification of generated plans after warm-up
 * (median of 5 runs, wall time and the classifying thread's processor time, which load on the machine changes less).
 * Not a test; run it in a fresh JVM with the server's flags:
 * {@code java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp <test classpath> dev.pce.rules.dependency.RulesBench}.
 * Arguments: none for generated plans of 100, 1,000 and 10,000 tasks; {@code features 10000 100000} for the plans
 * of features {@code ce bench plan} sends.
 */
public final class RulesBench {
    private static final int RUNS = 5;

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
        boolean features = args.length > 0 && args[0].equals("features");
        int[] sizes = features ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {100, 1_000, 10_000};
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int size : sizes) {
            List<TaskSpec> plan = PlanValidator.validate("bench", features ? GeneratedPlans.features(size)
                    : GeneratedPlans.plan(size, 1), PlanCapacity.PLAN);
            long[] times = new long[RUNS];
            long[] cpu = new long[RUNS];
            int edges = 0;
            for (int i = 0; i < RUNS; i++) {
                long t = System.nanoTime();
                long c = threads.getCurrentThreadCpuTime();
                edges = classifier.classify(plan).size();
                times[i] = System.nanoTime() - t;
                cpu[i] = threads.getCurrentThreadCpuTime() - c;
            }
            Arrays.sort(times);
            Arrays.sort(cpu);
            System.out.printf("classify %,d tasks%s: %.1f ms median (min %.1f, max %.1f), processor %.1f ms median,"
                    + " %,d edges%n", size, features ? " (features)" : "", times[RUNS / 2] / 1e6, times[0] / 1e6,
                    times[RUNS - 1] / 1e6, cpu[RUNS / 2] / 1e6, edges);
        }
    }
}
