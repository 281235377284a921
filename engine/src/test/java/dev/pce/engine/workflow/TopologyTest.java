package dev.pce.engine.workflow;

import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.model.Topology;
import dev.pce.engine.testing.Plans;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.pce.engine.testing.Plans.task;
import static org.assertj.core.api.Assertions.assertThat;

class TopologyTest {

    @Test
    void orderPutsEveryDependencyBeforeItsDependents() {
        List<TaskSpec> plan = Plans.of(
                task("deploy").dependsOn("test", "build"), task("test").dependsOn("build"), task("build"),
                task("docs"), task("review").dependsOn("docs", "deploy"));

        List<String> order = Topology.order(plan);

        assertThat(order).containsExactlyInAnyOrder("deploy", "test", "build", "docs", "review");
        for (TaskSpec spec : plan) {
            for (String dependency : spec.dependsOn()) {
                assertThat(order.indexOf(dependency)).as(dependency + " before " + spec.id())
                        .isLessThan(order.indexOf(spec.id()));
            }
        }
    }

    @Test
    void orderBreaksTiesByPlanOrder() {
        List<TaskSpec> plan = Plans.of(task("c"), task("a"), task("b").dependsOn("c"), task("d"));

        assertThat(Topology.order(plan)).containsExactly("c", "a", "b", "d");
    }

    @Test
    void orderPutsTasksOnACycleLastAndIgnoresUnknownDependencies() {
        List<TaskSpec> plan = Plans.of(
                task("x").dependsOn("y"), task("free").dependsOn("nowhere"), task("y").dependsOn("x"));

        assertThat(Topology.order(plan)).containsExactly("free", "x", "y");
    }

    @Test
    void findCycleNamesTheTasksAlongARealCycle() {
        List<TaskSpec> plan = Plans.of(
                task("start"), task("a").dependsOn("b", "start"), task("b").dependsOn("c"), task("c").dependsOn("a"));

        List<String> cycle = Topology.findCycle(plan).orElseThrow();

        assertThat(cycle).containsExactly("a", "b", "c", "a");
        assertIsCycle(plan, cycle);
    }

    @Test
    void findCycleFindsACycleReachedOnlyThroughOtherTasks() {
        List<TaskSpec> plan = Plans.of(
                task("top").dependsOn("mid"), task("mid").dependsOn("p"), task("p").dependsOn("q"),
                task("q").dependsOn("p"));

        List<String> cycle = Topology.findCycle(plan).orElseThrow();

        assertThat(cycle).containsExactly("p", "q", "p");
        assertIsCycle(plan, cycle);
    }

    @Test
    void findCycleReportsNothingForADiamond() {
        List<TaskSpec> plan = Plans.of(
                task("a"), task("b").dependsOn("a"), task("c").dependsOn("a"), task("d").dependsOn("b", "c"));

        assertThat(Topology.findCycle(plan)).isEmpty();
    }

    @Test
    void deepChainIsHandledWithoutRecursion() {
        List<Plans.Task> chain = new ArrayList<>();
        int length = 50_000;
        for (int i = 0; i < length; i++) {
            chain.add(i == 0 ? task("t0") : task("t" + i).dependsOn("t" + (i - 1)));
        }
        List<TaskSpec> plan = Plans.of(chain.reversed().toArray(Plans.Task[]::new));

        List<String> order = Topology.order(plan);

        assertThat(Topology.findCycle(plan)).isEmpty();
        assertThat(order).hasSize(length);
        assertThat(order.getFirst()).isEqualTo("t0");
        assertThat(order.getLast()).isEqualTo("t" + (length - 1));
    }

    /** Each id in the path depends on the next, and the path closes on its first id. */
    private static void assertIsCycle(List<TaskSpec> plan, List<String> path) {
        assertThat(path.getFirst()).isEqualTo(path.getLast());
        for (int i = 0; i + 1 < path.size(); i++) {
            String from = path.get(i);
            TaskSpec spec = plan.stream().filter(t -> t.id().equals(from)).findFirst().orElseThrow();
            assertThat(spec.dependsOn()).as(from + " depends on " + path.get(i + 1)).contains(path.get(i + 1));
        }
    }
}
