package dev.pce.rules.dependency;

import dev.pce.engine.Cancellation;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.workflow.PlanValidator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DroolsDependencyClassifierTest {
    private final DroolsDependencyClassifier classifier = new DroolsDependencyClassifier();

    @Test
    void everyEdgeNamesItsRuleAndAReason() {
        List<ClassifiedEdge> edges = classifier.classify(List.of(
                TaskSpec.builder("a", "build").build(),
                TaskSpec.builder("b", "build").dependsOn("a").build()));
        assertThat(edges).singleElement().satisfies(edge -> {
            assertThat(edge.from()).isEqualTo("a");
            assertThat(edge.to()).isEqualTo("b");
            assertThat(edge.edgeClass()).isEqualTo(EdgeClass.HARD);
            assertThat(edge.rule()).isEqualTo("declared-untyped-is-hard");
            assertThat(edge.reason()).contains("'b' depends on 'a'");
            assertThat(edge.resource()).isEmpty();
        });
    }

    /** A cancel while the rules fire stops them at the next check; it is a cancellation, not a rules defect. */
    @Test
    void aCancelWhileTheRulesFireStopsTheClassification() throws Exception {
        List<TaskSpec> big = PlanValidator.validate("big", GeneratedPlans.plan(5_000, 7));
        Cancellation cancellation = new Cancellation();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<List<ClassifiedEdge>> classifying = executor.submit(() -> classifier.classify(big, cancellation));
            Thread.sleep(50);
            assertThat(cancellation.cancel()).isTrue();
            assertThatThrownBy(() -> classifying.get(60, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(Cancellation.Cancelled.class);
        } finally {
            executor.shutdownNow();
        }
        Cancellation before = new Cancellation();
        before.cancel();
        assertThatThrownBy(() -> classifier.classify(List.of(TaskSpec.builder("a", "build").build()), before))
                .isInstanceOf(Cancellation.Cancelled.class);
    }

    @Test
    void conflictNamesBothTasksAndTheFix() {
        assertThatThrownBy(() -> classifier.classify(List.of(
                TaskSpec.builder("api-v1", "build").produces("rate-api").build(),
                TaskSpec.builder("api-v2", "build").produces("rate-api").build())))
                .isInstanceOfSatisfying(CeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PLAN);
                    assertThat(e.getMessage()).contains("'api-v1'", "'api-v2'", "rate-api");
                    assertThat(e.fix()).contains("api-v1", "api-v2");
                });
    }

    /** Before: each pair was a conflict the rules built first, 4.5 million of them and a minute for 3,000 tasks. */
    @Test
    void manyProducersOfOneInterfaceAreOneConflictSaidAtOnce() {
        List<TaskSpec> plan = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            plan.add(TaskSpec.builder("t" + i, "build").produces("api").build());
        }

        assertThatThrownBy(() -> classifier.classify(plan)).isInstanceOfSatisfying(CeException.class, error -> {
            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_PLAN);
            assertThat(error.getMessage()).isEqualTo("Plan rejected: 2000 tasks ('t0', 't1', 't2' and 1997 more)"
                    + " produce the interface 'api', which has one producer.");
            assertThat(error.fix()).contains("Let one task produce 'api' and the others consume it");
        });
    }

    @Test
    void aTypeForATaskNotInDependsOnIsRejected() {
        TaskSpec stray = new TaskSpec("b", "b", "build", "builders", 30, List.of(), List.of(), List.of(), "",
                Map.of("a", EdgeClass.SOFT), List.of(), List.of());
        assertThatThrownBy(() -> classifier.classify(List.of(TaskSpec.builder("a", "build").build(), stray)))
                .isInstanceOfSatisfying(CeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PLAN);
                    assertThat(e.getMessage()).contains("'b'", "'a'", "not in its depends_on");
                });
    }

    @Test
    void anUnvalidatedPlanWithAnUnknownDependencyGetsAPlainError() {
        assertThatThrownBy(() -> classifier.classify(List.of(TaskSpec.builder("a", "build").dependsOn("ghost").build())))
                .isInstanceOfSatisfying(CeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PLAN);
                    assertThat(e.getMessage()).contains("'a' depends on unknown task 'ghost'");
                });
    }

    @Test
    void aDeclaredCycleIsRejectedNotLooped() {
        assertThatThrownBy(() -> classifier.classify(List.of(
                TaskSpec.builder("a", "build").dependsOn("b").build(),
                TaskSpec.builder("b", "build").dependsOn("a").build())))
                .isInstanceOfSatisfying(CeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PLAN);
                    assertThat(e.getMessage()).contains("depends_on form a cycle", "a -> b", "b -> a");
                });
    }

    @Test
    void theSamePlanGivesTheSameEdgesWhateverTheFactOrderInside() {
        List<TaskSpec> plan = PlanValidator.validate("determinism", GeneratedPlans.plan(400, 7));
        List<ClassifiedEdge> first = classifier.classify(plan);
        assertThat(first).isNotEmpty();
        for (int i = 0; i < 3; i++) {
            assertThat(new DroolsDependencyClassifier().classify(plan)).containsExactlyElementsOf(first);
        }
        assertThat(first).isSortedAccordingTo(planOrder(plan));
    }

    @Test
    void reorderingThePlanOnlyReordersTheOutput() {
        List<TaskSpec> plan = PlanValidator.validate("shuffle", GeneratedPlans.plan(300, 11));
        List<TaskSpec> shuffled = new ArrayList<>(plan);
        Collections.shuffle(shuffled, new Random(3));
        List<ClassifiedEdge> original = classifier.classify(plan);
        List<ClassifiedEdge> reordered = classifier.classify(shuffled);
        // resource pairs are written earlier-first, so compare them as unordered pairs
        assertThat(reordered.stream().map(DroolsDependencyClassifierTest::key).sorted().toList())
                .isEqualTo(original.stream().map(DroolsDependencyClassifierTest::key).sorted().toList());
    }

    @Test
    void everyDeclaredDependencyEndsAsAnOrderingEdge() {
        List<TaskSpec> plan = PlanValidator.validate("kept", GeneratedPlans.plan(1_000, 5));
        Map<String, EdgeClass> ordering = new HashMap<>();
        for (ClassifiedEdge edge : classifier.classify(plan)) {
            if (edge.edgeClass().orders()) {
                assertThat(ordering.put(edge.from() + ">" + edge.to(), edge.edgeClass())).isNull();
            }
        }
        int declaredCount = 0;
        for (TaskSpec task : plan) {
            for (String dependency : task.dependsOn()) {
                declaredCount++;
                EdgeClass declared = task.dependencyTypes().getOrDefault(dependency, EdgeClass.HARD);
                EdgeClass decided = ordering.get(dependency + ">" + task.id());
                assertThat(decided).as("%s -> %s", dependency, task.id()).isNotNull();
                if (declared == EdgeClass.HARD) {
                    assertThat(decided).as("never downgraded").isEqualTo(EdgeClass.HARD);
                }
            }
        }
        assertThat(declaredCount).isGreaterThan(500);
    }

    @Test
    void tenThousandTasksAreClassified() {
        List<TaskSpec> plan = PlanValidator.validate("large", GeneratedPlans.plan(10_000, 1));
        List<ClassifiedEdge> edges = classifier.classify(plan);
        Map<EdgeClass, Integer> counts = new HashMap<>();
        edges.forEach(edge -> counts.merge(edge.edgeClass(), 1, Integer::sum));
        assertThat(counts).containsKeys(EdgeClass.HARD, EdgeClass.SOFT, EdgeClass.RESOURCE, EdgeClass.FEEDBACK);
        assertThat(edges).isSortedAccordingTo(planOrder(plan));
        assertThat(edges).allSatisfy(edge -> assertThat(edge.rule()).isNotEmpty());
    }

    @Test
    void concurrentClassificationsShareTheRules() throws Exception {
        List<TaskSpec> plan = PlanValidator.validate("concurrent", GeneratedPlans.plan(200, 9));
        List<ClassifiedEdge> expected = classifier.classify(plan);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<ClassifiedEdge>>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> classifier.classify(plan)));
            }
            for (Future<List<ClassifiedEdge>> run : runs) {
                assertThat(run.get()).containsExactlyElementsOf(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void notesAreReturnedWithTheEdges() {
        Classification result = classifier.classifyWithNotes(List.of(
                TaskSpec.builder("client", "build").consumes("github-api").build()));
        assertThat(result.edges()).isEmpty();
        assertThat(result.notes()).singleElement().satisfies(note -> {
            assertThat(note.task()).isEqualTo("client");
            assertThat(note.rule()).isEqualTo("interface-external");
            assertThat(note.text()).contains("github-api", "external");
        });
    }

    private static String key(ClassifiedEdge edge) {
        String pair = edge.edgeClass() == EdgeClass.RESOURCE && edge.from().compareTo(edge.to()) > 0
                ? edge.to() + ">" + edge.from() : edge.from() + ">" + edge.to();
        return pair + " " + edge.edgeClass() + " " + edge.rule() + " " + edge.resource();
    }

    private static java.util.Comparator<ClassifiedEdge> planOrder(List<TaskSpec> plan) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < plan.size(); i++) {
            index.put(plan.get(i).id(), i);
        }
        return java.util.Comparator.<ClassifiedEdge>comparingInt(edge -> index.get(edge.from()))
                .thenComparingInt(edge -> index.get(edge.to())).thenComparing(ClassifiedEdge::edgeClass);
    }
}
