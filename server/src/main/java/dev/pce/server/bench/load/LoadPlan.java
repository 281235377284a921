package dev.pce.server.bench.load;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.engine.Limits;
import dev.pce.engine.workflow.FailCommand;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The plan a load run works off, and the fate of each task: how many attempts fail before one completes.
 *
 * <p>Tasks come in layers, each as wide as twice the agents, spread over the pools in turn. A task of a later layer
 * depends on one or two random tasks of the layer before, of any pool, so claims race with readiness across pools.
 * One pair in five of neighbouring tasks of a layer writes a shared file: the rules give them a resource edge, and
 * the two must never be held at once. Fates are drawn per task from the seed (1 task in 10 fails at least once, 1
 * in 100 twice; never on the last allowed attempt), and tasks are added until claims, completions and failures by plan
 * reach the transitions asked for.
 *
 * <p>One agent per 1,000 transitions, chosen by the seed, abandons one of its claims (early in its share of the
 * work): it takes that claim with a one-second lease and reports only when the lease is about to run out or just
 * has. The report races with another agent's takeover, which records the lease as expired; either may win. A
 * report that wins completes the task, skipping at most two planned failures, so the plan holds four transitions
 * per abandoned claim more than asked for.
 *
 * @param request         the {@code ce_plan} arguments
 * @param failures        per task id, how many of its attempts fail (retryable) before one completes
 * @param abandonedClaims per agent (pool by pool, agent by agent), which of its claims it abandons, 1-based; 0 for
 *                        none
 */
public record LoadPlan(List<String> pools, ObjectNode request, Map<String, Integer> failures,
                       List<Integer> abandonedClaims, int plannedTransitions) {
    private static final List<String> NAMED_POOLS = List.of("planners", "builders", "reviewers", "testers",
            "docs-writers");
    private static final List<String> KINDS = List.of("design", "implement", "review", "test", "docs");
    public static final int MAX_POOLS = 26;
    private static final double FAIL_ONCE = 0.10;
    private static final double FAIL_TWICE = 0.01;
    private static final int SHARED_PAIR_EVERY = 5;

    public LoadPlan {
        pools = List.copyOf(pools);
        failures = Map.copyOf(failures);
        abandonedClaims = List.copyOf(abandonedClaims);
    }

    public int tasks() {
        return failures.size();
    }

    /** The plan for {@code agents} agents over {@code poolCount} pools, reaching {@code transitions}. */
    public static LoadPlan generate(int poolCount, int agents, int transitions, long seed) {
        List<String> pools = poolNames(poolCount);
        Random random = new Random(seed);
        int width = Math.max(2 * agents, poolCount);
        ObjectNode request = Json.mapper().createObjectNode()
                .put("goal", "Load: " + agents + " agents in " + poolCount + " pools, " + transitions + " transitions");
        ArrayNode tasks = request.putArray("tasks");
        Map<String, Integer> failures = new HashMap<>();
        int abandoning = Math.min(agents, Math.max(1, transitions / 1_000));
        int planned = 0;
        for (int n = 0; planned < transitions + 4 * abandoning; n++) {
            if (n >= Limits.MAX_TASKS) {
                throw new IllegalArgumentException("--transitions " + transitions + " needs more than "
                        + Limits.MAX_TASKS + " tasks, the most one plan may have; ask for fewer.");
            }
            int layer = n / width;
            int column = n % width;
            int pool = column % poolCount;
            String id = "t" + n;
            ObjectNode task = tasks.addObject().put("id", id).put("title", "Load task " + n)
                    .put("kind", KINDS.get(Math.min(pool, KINDS.size() - 1))).put("pool", pools.get(pool))
                    .put("estimate", 5 + random.nextInt(56));
            if (layer > 0) {
                int previous = (layer - 1) * width;
                int first = previous + random.nextInt(width);
                int second = previous + random.nextInt(width);
                ArrayNode dependsOn = task.putArray("depends_on").add("t" + first);
                if (second != first && random.nextBoolean()) {
                    dependsOn.add("t" + second);
                }
            }
            if ((column / 2) % SHARED_PAIR_EVERY == 0 && (column | 1) < width) {
                task.putArray("writes").add("src/shared/layer" + layer + "-pair" + column / 2 + ".txt");
            }
            double draw = random.nextDouble();
            int fails = Math.min(draw < FAIL_TWICE ? 2 : draw < FAIL_ONCE ? 1 : 0, FailCommand.MAX_ATTEMPTS - 1);
            failures.put(id, fails);
            planned += 2 + 2 * fails;
        }
        return new LoadPlan(pools, request, failures, abandonedClaims(agents, abandoning, failures.size(), random),
                planned);
    }

    /** {@code abandoning} agents, chosen at random, each abandon one claim in the first half of their share. */
    private static List<Integer> abandonedClaims(int agents, int abandoning, int tasks, Random random) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, agents).boxed().toList());
        Collections.shuffle(order, random);
        int claimsPerAgent = Math.max(2, tasks / agents);
        List<Integer> claims = new ArrayList<>(Collections.nCopies(agents, 0));
        for (int i = 0; i < abandoning; i++) {
            claims.set(order.get(i), 1 + random.nextInt(claimsPerAgent / 2));
        }
        return claims;
    }

    /** The built-in pools first, then two custom ones, then {@code pool-f}, {@code pool-g}, ... */
    static List<String> poolNames(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> i < NAMED_POOLS.size() ? NAMED_POOLS.get(i) : "pool-" + (char) ('a' + i))
                .toList();
    }

    /** {@code CE_POOLS} for the servers, so their schedule estimates know the agents: {@code planners=8,...}. */
    public String poolSlots(int agentsPerPool) {
        return pools.stream().map(pool -> pool + "=" + agentsPerPool).collect(Collectors.joining(","));
    }
}
