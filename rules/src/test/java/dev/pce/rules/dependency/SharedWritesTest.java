package dev.pce.rules.dependency;

import dev.pce.engine.Cancellation;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.Limits;
import dev.pce.engine.conflict.FileOverlap;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Resource edges between writers of overlapping paths are found without comparing every pair of writers in the
 * rules, and their number is bounded while they are found: a plan's cost no longer grows with the square of the
 * tasks that write one file.
 */
class SharedWritesTest {
    private static final List<String> PATHS = List.of("src/", "src/a/", "src/a/X.java", "src/a/Y.java",
            "src/b/Z.java", "docs/", "docs/guide.md", "README.md");

    private final DroolsDependencyClassifier classifier = new DroolsDependencyClassifier();

    /** Before: every pair was joined in the rules, 200 million tuples: minutes, then out of memory. */
    @Test
    void twentyThousandOrderedWritersOfOneFileGetTheirChainAndNoResourceEdge() {
        List<TaskSpec> chain = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            TaskSpec.Builder task = TaskSpec.builder("t" + i, "build").writes("CHANGELOG.md");
            chain.add((i == 0 ? task : task.dependsOn("t" + (i - 1))).build());
        }

        List<ClassifiedEdge> edges = classifier.classify(chain);

        assertThat(edges).hasSize(19_999).allSatisfy(edge -> assertThat(edge.edgeClass()).isEqualTo(EdgeClass.HARD));
    }

    @Test
    void unorderedWritersBeyondTheBoundAreRefusedNamingTheSharedPath() {
        List<TaskSpec> writers = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            writers.add(TaskSpec.builder("w" + i, "build").writes("src/Shared.java").build());
        }

        CeException error = catchThrowableOfType(CeException.class,
                () -> classifier.classify(writers, Cancellation.none(), Limits.MAX_PLAN_EDGES));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_PLAN);
        assertThat(error.getMessage()).contains("more than the 300,000 relations it may hold",
                "1,000 tasks write src/Shared.java", "every pair of writers that no dependency orders is a resource"
                        + " relation");
        assertThat(error.fix()).contains("order the tasks that write the same file");
    }

    @Test
    void rulesThatDecideFarMoreRelationsThanTheCallerTakesAreStopped() {
        List<TaskSpec> plan = new ArrayList<>();
        plan.add(TaskSpec.builder("root", "build").build());
        for (int i = 0; i < 30; i++) {
            plan.add(TaskSpec.builder("t" + i, "build").dependsOn("root").build());
        }

        CeException error = catchThrowableOfType(CeException.class,
                () -> classifier.classify(plan, Cancellation.none(), 10));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_PLAN);
        assertThat(error.getMessage()).contains("the dependency rules decided more than 20 relations",
                "more than the 10 it may hold");
    }

    /**
     * The resource edges are exactly the pairs of tasks that write overlapping paths (the same path, or a directory
     * and a path in it) and that no chain of ordering edges puts in sequence: checked against every pair.
     */
    @Test
    void resourceEdgesAreExactlyTheUnorderedPairsOfOverlappingWriters() {
        for (long seed = 1; seed <= 5; seed++) {
            List<TaskSpec> plan = randomPlan(300, new Random(seed));

            List<ClassifiedEdge> edges = classifier.classify(plan);

            Set<String> resource = new HashSet<>();
            edges.stream().filter(edge -> edge.edgeClass() == EdgeClass.RESOURCE)
                    .forEach(edge -> resource.add(edge.from() + " " + edge.to()));
            Set<String> expected = unorderedOverlappingWriters(plan, edges);
            Set<String> missing = new HashSet<>(expected);
            missing.removeAll(resource);
            Set<String> extra = new HashSet<>(resource);
            extra.removeAll(expected);
            assertThat(missing).as("seed %d: unordered writers without a resource edge", seed).isEmpty();
            assertThat(extra).as("seed %d: resource edges between ordered or unrelated writers", seed).isEmpty();
            assertThat(resource).as("seed %d", seed).isNotEmpty();
        }
    }

    /** The rules read a written path as the conflict report does ({@link FileOverlap}): one spelling rule. */
    @Test
    void writersOverlapInTheRulesExactlyWhenFileOverlapSaysTheyDo() {
        List<List<String>> pairs = List.of(List.of("./src//A.java", "src/A.java"), List.of(" src/", "src/a/X.java"),
                List.of("././docs/", "docs//guide.md"), List.of("src/A.java", "src/B.java"),
                List.of("src/a/", "./src/b/Z.java"), List.of("README.md ", "./README.md"));
        for (List<String> pair : pairs) {
            List<TaskSpec> plan = List.of(TaskSpec.builder("a", "build").writes(pair.get(0)).build(),
                    TaskSpec.builder("b", "build").writes(pair.get(1)).build());

            boolean resourceEdge = classifier.classify(plan).stream()
                    .anyMatch(edge -> edge.edgeClass() == EdgeClass.RESOURCE);

            assertThat(resourceEdge).as("%s", pair).isEqualTo(FileOverlap.overlap(pair.subList(0, 1),
                    pair.subList(1, 2)));
        }
    }

    private static List<TaskSpec> randomPlan(int size, Random random) {
        List<TaskSpec> tasks = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            TaskSpec.Builder task = TaskSpec.builder("t" + i, "build")
                    .writes(PATHS.get(random.nextInt(PATHS.size())), PATHS.get(random.nextInt(PATHS.size())));
            if (i > 0 && random.nextInt(3) > 0) {
                task.dependsOn("t" + random.nextInt(i));
            }
            tasks.add(task.build());
        }
        return tasks;
    }

    /** Brute force over every pair, with reachability by search. */
    private static Set<String> unorderedOverlappingWriters(List<TaskSpec> plan, List<ClassifiedEdge> edges) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < plan.size(); i++) {
            position.put(plan.get(i).id(), i);
        }
        List<List<Integer>> next = new ArrayList<>();
        plan.forEach(task -> next.add(new ArrayList<>()));
        edges.stream().filter(edge -> edge.edgeClass().orders())
                .forEach(edge -> next.get(position.get(edge.from())).add(position.get(edge.to())));
        List<BitSet> reach = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            BitSet seen = new BitSet();
            Deque<Integer> todo = new ArrayDeque<>(next.get(i));
            while (!todo.isEmpty()) {
                int task = todo.pop();
                if (!seen.get(task)) {
                    seen.set(task);
                    todo.addAll(next.get(task));
                }
            }
            reach.add(seen);
        }
        Set<String> pairs = new HashSet<>();
        for (int a = 0; a < plan.size(); a++) {
            for (int b = a + 1; b < plan.size(); b++) {
                if (overlap(plan.get(a).writes(), plan.get(b).writes()) && !reach.get(a).get(b)
                        && !reach.get(b).get(a)) {
                    pairs.add(plan.get(a).id() + " " + plan.get(b).id());
                }
            }
        }
        return pairs;
    }

    private static boolean overlap(List<String> one, List<String> other) {
        for (String a : one) {
            for (String b : other) {
                if (a.equals(b) || a.endsWith("/") && b.startsWith(a) || b.endsWith("/") && a.startsWith(b)) {
                    return true;
                }
            }
        }
        return false;
    }
}
