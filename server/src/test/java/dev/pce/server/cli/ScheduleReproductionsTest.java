package dev.pce.server.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two plans of issue 19 where the greedy list scheduler lost up to 24% because dependency classes bind (a soft
 * edge whose dependent needs the slot a short task took; files whose writers exclude each other), through
 * {@code ce simulate} with the real classification: planned and simulated makespan within 5% of the optimum, which
 * is also the printed lower bound, so the optimum is proven.
 */
class ScheduleReproductionsTest {

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"soft-edge-6-tasks.json, a2=2, 96.5", "shared-files-50-tasks.json, a5=5, 62.0"})
    void theScheduleIsWithinFivePercentOfTheOptimum(String plan, String pools, double optimum) throws Exception {
        InProcessCe run = InProcessCe.run("simulate", resource(plan), "--pools", pools, "--noise", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        double[] makespan = columns(run.out(), "parallel makespan");
        assertThat(makespan[0]).as("planned").isLessThanOrEqualTo(optimum * 1.05);
        assertThat(makespan[1]).as("simulated, following the plan").isLessThanOrEqualTo(optimum * 1.05);
        assertThat(columns(run.out(), "lower bound")[0]).isEqualTo(optimum);
    }

    private static double[] columns(String report, String label) {
        String line = report.lines().filter(text -> text.startsWith(label)).findFirst().orElseThrow();
        String[] parts = line.substring(label.length()).trim().split("\\s+");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[2])};
    }

    private static String resource(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(ScheduleReproductionsTest.class.getResource("/repro/" + name)).toURI())
                .toString();
    }
}
