package dev.pce.rules.dependency;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.conflict.FileOverlap;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.model.TaskStatus;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.service.ClaimResult;
import dev.pce.engine.service.PlanResult;
import dev.pce.engine.service.TaskView;
import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.workflow.CompleteCommand;
import dev.pce.engine.workflow.FailCommand;
import dev.pce.engine.workflow.ProgressCommand;
import dev.pce.engine.workspace.Workspace;
import dev.pce.testing.MutableClock;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No two live claims ever write overlapping paths, whatever the classes of the tasks' relations: seeded random
 * plans (hard, soft and untyped dependencies, reviews, reads, shared files and directories) classified by the real
 * rules, then driven through the real engine by random claims, partial outputs, rollbacks, completions, failures and
 * lease expiries. A failing seed reproduces; the message carries the plan and the steps. The rules are checked on
 * their own too: a resource edge exactly where two writers of an overlapping path could run at the same time.
 */
class ResourceExclusionPropertiesTest {
    private static final List<String> PATHS = List.of("f", "src/", "src/A.java", "src/B.java", "docs/guide.md");
    private static final List<String> KINDS = List.of("build", "build", "test", "review");
    private static final Duration TTL = Duration.ofMinutes(30);
    private static final int STEPS = 80;
    private static final DroolsDependencyClassifier RULES = new DroolsDependencyClassifier();

    @TempDir
    Path dir;

    static IntStream seeds() {
        return IntStream.rangeClosed(1, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noTwoLiveClaimsWriteOverlappingPaths(int seed) {
        Random random = new Random(seed);
        MutableClock clock = MutableClock.standard();
        try (WorkflowService service = new WorkflowService(Workspace.open(dir.resolve(".ce-workspace")), clock,
                RULES, PoolSlots.defaults())) {
            PlanResult plan = plan(service, random);
            List<String> steps = new ArrayList<>();
            String context = "seed " + seed + ", plan " + plan.tasks() + ", edges " + plan.edges();
            assertResourceEdgesExactlyWhereWritersMayOverlap(plan, context);
            Map<String, String> claims = new HashMap<>();
            for (int step = 0; step < STEPS; step++) {
                steps.add(act(service, plan.workflowId(), random, clock, claims));
                assertNoOverlappingLiveClaims(service, plan, context + ", steps " + steps);
            }
        }
    }

    /** A random plan the rules accept (reads may imply edges that close a cycle: then another one). */
    private static PlanResult plan(WorkflowService service, Random random) {
        while (true) {
            try {
                return service.plan("random plan", randomTasks(random), "planner");
            } catch (CeException e) {
                if (e.code() != ErrorCode.INVALID_PLAN) {
                    throw e;
                }
            }
        }
    }

    private static List<TaskSpec> randomTasks(Random random) {
        int size = 4 + random.nextInt(6);
        List<TaskSpec> tasks = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            TaskSpec.Builder task = TaskSpec.builder("t" + i, KINDS.get(random.nextInt(KINDS.size())))
                    .estimate(5 + random.nextInt(20));
            for (int j = 0; j < i; j++) {
                if (random.nextInt(3) == 0) {
                    switch (random.nextInt(3)) {
                        case 0 -> task.dependsOn("t" + j);
                        case 1 -> task.dependsOn("t" + j, EdgeClass.HARD);
                        default -> task.dependsOn("t" + j, EdgeClass.SOFT);
                    }
                }
            }
            for (int w = random.nextInt(3); w > 0; w--) {
                task.writes(PATHS.get(random.nextInt(PATHS.size())));
            }
            if (random.nextInt(4) == 0) {
                task.reads(PATHS.get(random.nextInt(PATHS.size())));
            }
            tasks.add(task.build());
        }
        return tasks;
    }

    /** One random step; a step the engine refuses (a claim gone, nothing to claim) is part of the game. */
    private static String act(WorkflowService service, String id, Random random, MutableClock clock,
                              Map<String, String> claims) {
        List<String> held = new ArrayList<>(claims.keySet());
        held.sort(null);
        String task = held.isEmpty() ? "" : held.get(random.nextInt(held.size()));
        String claimId = claims.getOrDefault(task, "");
        int choice = random.nextInt(held.isEmpty() ? 2 : 8);
        try {
            switch (choice) {
                case 0 -> {
                    String pool = List.of("builders", "reviewers").get(random.nextInt(2));
                    ClaimResult result = service.claim(id, pool, "agent-" + random.nextInt(4), Optional.empty(), TTL);
                    result.task().ifPresent(claimed -> claims.put(claimed.spec().id(), claimed.claimId()));
                    return "claim " + pool + " -> " + result.task().map(claimed -> claimed.spec().id()).orElse("none");
                }
                case 1 -> {
                    boolean expire = random.nextInt(4) == 0;
                    clock.advance(expire ? TTL.plusMinutes(1) : Duration.ofMinutes(1 + random.nextInt(5)));
                    return expire ? "leases run out" : "time passes";
                }
                case 2, 3 -> {
                    service.progress(id, new ProgressCommand(task, claimId, "agent", "draft-" + random.nextInt(3),
                            "", false));
                    return "progress " + task;
                }
                case 4 -> {
                    service.progress(id, new ProgressCommand(task, claimId, "agent", "", "", true));
                    return "roll back " + task;
                }
                case 5, 6 -> {
                    claims.remove(task);
                    service.complete(id, new CompleteCommand(task, claimId, "agent", "done", List.of(),
                            NullNode.getInstance()));
                    return "complete " + task;
                }
                default -> {
                    claims.remove(task);
                    boolean retry = random.nextBoolean();
                    service.fail(id, new FailCommand(task, claimId, "agent", "broke", retry));
                    return "fail " + task + (retry ? " (retry)" : "");
                }
            }
        } catch (CeException e) {
            if (e.code() != ErrorCode.CONFLICT) {
                throw e;
            }
            claims.remove(task);
            return "refused: " + e.getMessage();
        }
    }

    private static void assertNoOverlappingLiveClaims(WorkflowService service, PlanResult plan, String context) {
        Map<String, TaskSpec> specs = new LinkedHashMap<>();
        plan.tasks().forEach(spec -> specs.put(spec.id(), spec));
        List<TaskView> live = service.status(plan.workflowId()).tasks().stream()
                .filter(task -> task.status() == TaskStatus.CLAIMED).toList();
        for (int i = 0; i < live.size(); i++) {
            for (int j = i + 1; j < live.size(); j++) {
                String a = live.get(i).id();
                String b = live.get(j).id();
                assertThat(FileOverlap.shared(specs.get(a).writes(), specs.get(b).writes()))
                        .as("%s and %s both hold live claims; %s", a, b, context).isEmpty();
            }
        }
    }

    /**
     * Stated plainly: two writers of an overlapping path may run at the same time unless a path of ordering edges
     * leads from one to the other whose first edge is hard; exactly those pairs have a resource edge.
     */
    private static void assertResourceEdgesExactlyWhereWritersMayOverlap(PlanResult plan, String context) {
        List<TaskSpec> tasks = plan.tasks();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            index.put(tasks.get(i).id(), i);
        }
        List<List<Integer>> successors = new ArrayList<>();
        List<List<Integer>> hardSuccessors = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            successors.add(new ArrayList<>());
            hardSuccessors.add(new ArrayList<>());
        }
        BitSet resource = new BitSet();
        for (ClassifiedEdge edge : plan.edges()) {
            int from = index.get(edge.from());
            int to = index.get(edge.to());
            switch (edge.edgeClass()) {
                case HARD -> {
                    successors.get(from).add(to);
                    hardSuccessors.get(from).add(to);
                }
                case SOFT -> successors.get(from).add(to);
                case RESOURCE -> resource.set(Math.min(from, to) * tasks.size() + Math.max(from, to));
                case FEEDBACK -> {
                    // routes rework; orders nothing
                }
            }
        }
        for (int a = 0; a < tasks.size(); a++) {
            for (int b = a + 1; b < tasks.size(); b++) {
                boolean overlap = FileOverlap.overlap(tasks.get(a).writes(), tasks.get(b).writes());
                boolean apart = runsAfter(a, b, successors, hardSuccessors)
                        || runsAfter(b, a, successors, hardSuccessors);
                assertThat(resource.get(a * tasks.size() + b))
                        .as("resource edge %s - %s (overlapping writes: %s, one wholly after the other: %s); %s",
                                tasks.get(a).id(), tasks.get(b).id(), overlap, apart, context)
                        .isEqualTo(overlap && !apart);
            }
        }
    }

    /** Whether {@code later} starts only after {@code first} is done: reached from one of its hard successors. */
    private static boolean runsAfter(int first, int later, List<List<Integer>> successors,
                                     List<List<Integer>> hardSuccessors) {
        Deque<Integer> open = new ArrayDeque<>(hardSuccessors.get(first));
        BitSet seen = new BitSet();
        while (!open.isEmpty()) {
            int task = open.pop();
            if (task == later) {
                return true;
            }
            if (!seen.get(task)) {
                seen.set(task);
                open.addAll(successors.get(task));
            }
        }
        return false;
    }
}
