package dev.pce.server.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SimulateCommandTest {
    private static final String PLAN = Path.of("..", "examples", "plans", "rate-limiting.json").toString();

    @Test
    void printsTheComparisonForTheSamplePlan() {
        InProcessCe run = InProcessCe.run("simulate", PLAN, "--seed", "7", "--pools", "builders=4");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("builders=4", "sequential time", "parallel makespan", "speedup",
                "lower bound", "work / slots", "Utilization per pool", "Critical path (planned): design-policy",
                "Waves (planned):", "sigma 0.30, seed 7");
    }

    @Test
    void theSameSeedGivesTheSameReportAndNoNoiseGivesThePlan() {
        assertThat(InProcessCe.run("simulate", PLAN, "--seed", "5").out())
                .isEqualTo(InProcessCe.run("simulate", PLAN, "--seed", "5").out());
        String exact = InProcessCe.run("simulate", PLAN, "--noise", "0").out();
        String makespan = exact.lines().filter(line -> line.startsWith("parallel makespan")).findFirst().orElseThrow();
        String[] columns = makespan.trim().split("\\s{2,}");
        assertThat(columns[1]).isEqualTo(columns[2]);
    }

    @Test
    void failureAndReworkRatesAddTheSpreadOfManySeededRuns() {
        InProcessCe run = InProcessCe.run("simulate", PLAN, "--failure-rate", "0.1,test=0.3", "--rework-rate",
                "0.3", "--runs", "100");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Failures and rework: 100 runs, seeds 1 to 100; failure rate 0.10, test=0.30",
                "rework rate 0.30 of reviews", "p10", "p50", "p90", "no-failure makespan", "retries");
        String[] makespan = run.out().lines().filter(line -> line.matches("makespan\\s+\\d.*")).findFirst().orElseThrow()
                .replace(" min", "").trim().split("\\s+");
        String[] baseline = run.out().lines().filter(line -> line.startsWith("no-failure makespan")).findFirst()
                .orElseThrow().replace(" min", "").trim().split("\\s+");
        assertThat(Double.parseDouble(makespan[3])).as("p90 with failures over p90 without")
                .isGreaterThan(Double.parseDouble(baseline[4]));
        assertThat(InProcessCe.run("simulate", PLAN).out()).as("no rates, no block").doesNotContain("Failures");
    }

    @Test
    void badInputGivesAnActionableError() throws Exception {
        InProcessCe pools = InProcessCe.run("simulate", PLAN, "--pools", "builders=many");
        assertThat(pools.exitCode()).isEqualTo(2);
        assertThat(pools.err()).contains("'many' is not a whole number", "Fix:");
        InProcessCe rate = InProcessCe.run("simulate", PLAN, "--failure-rate", "test=2");
        assertThat(rate.exitCode()).isEqualTo(2);
        assertThat(rate.err()).contains("--failure-rate: 'test=2' is out of range", "0.1,test=0.3");

        Path broken = Files.createTempFile("plan", ".json");
        Files.writeString(broken, "{\"goal\":\"g\",\"tasks\":[{\"id\":\"a\",\"title\":\"A\",\"kind\":\"build\","
                + "\"depends_on\":[\"b\"]},{\"id\":\"b\",\"title\":\"B\",\"kind\":\"build\",\"depends_on\":[\"a\"]}]}");
        InProcessCe cycle = InProcessCe.run("simulate", broken.toString());
        assertThat(cycle.exitCode()).isEqualTo(2);
        assertThat(cycle.err()).contains("dependency cycle");
        Files.delete(broken);
    }
}
