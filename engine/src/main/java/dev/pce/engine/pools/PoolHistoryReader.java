package dev.pce.engine.pools;

import dev.pce.engine.CeException;
import dev.pce.engine.event.Event;
import dev.pce.engine.learning.RatioStats;
import dev.pce.engine.log.EventLog;
import dev.pce.engine.workspace.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures {@link PoolHistory} from workflows' events; only finished workflows count. An instance reads a
 * workspace's newest workflows and remembers what each log said at its size, so a plan after a plan reads only the
 * logs that grew since; a log that shows without its plan that its workflow has not finished
 * ({@link UnfinishedLogs}) is not decoded at all. Thread-safe.
 */
public final class PoolHistoryReader {
    /** The newest workflows read for a plan's recommendation: recent enough to describe today's agents. */
    public static final int NEWEST = 30;

    private final Workspace workspace;
    private final Map<String, Measured> measured = new ConcurrentHashMap<>();
    private final AtomicLong decoded = new AtomicLong();

    /** What a log said when it had {@code size} bytes; empty while its workflow ran. */
    private record Measured(long size, Optional<WorkflowSample> sample) {
    }

    public PoolHistoryReader(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The history of the workspace's {@link #NEWEST} newest workflows; a log that cannot be read is left out. */
    public PoolHistory read(Instant asOf) {
        List<String> ids = workspace.workflowIds();
        List<String> newest = ids.subList(Math.max(0, ids.size() - NEWEST), ids.size());
        List<WorkflowSample> samples = new ArrayList<>();
        for (String id : newest) {
            measure(id, asOf).ifPresent(samples::add);
        }
        measured.keySet().retainAll(Set.copyOf(newest));
        return history(samples);
    }

    /** How many logs this reader decoded whole: each finished workflow once, a log that grew once more. */
    public long logsDecoded() {
        return decoded.get();
    }

    private Optional<WorkflowSample> measure(String id, Instant asOf) {
        Path file = workspace.eventsFile(id);
        try {
            long size = Files.size(file);
            Measured known = measured.get(id);
            if (known != null && known.size() == size) {
                return known.sample();
            }
            if (UnfinishedLogs.certainlyUnfinished(file)) {
                measured.put(id, new Measured(size, Optional.empty()));
                return Optional.empty();
            }
            decoded.incrementAndGet();
            try (EventLog log = EventLog.open(file, Clock.systemUTC())) {
                Optional<WorkflowSample> sample = WorkflowSample.of(id, log.readNew(), asOf);
                measured.put(id, new Measured(size, sample));
                return sample;
            }
        } catch (IOException | CeException e) {
            return Optional.empty(); // ce doctor and ce report name unreadable logs; here it is one workflow less
        }
    }

    /** The history of {@code logs} (events in sequence order, by workflow id) at {@code asOf}. */
    public static PoolHistory of(Map<String, List<Event>> logs, Instant asOf) {
        List<WorkflowSample> samples = new ArrayList<>();
        logs.forEach((id, events) -> WorkflowSample.of(id, events, asOf).ifPresent(samples::add));
        return history(samples);
    }

    private static PoolHistory history(List<WorkflowSample> samples) {
        Map<String, List<WorkflowSample.PoolSums>> byPool = new TreeMap<>();
        Map<String, List<Double>> ratios = new TreeMap<>();
        KindOutcomes outcomes = KindOutcomes.NONE;
        Map<String, KindOutcomes> kindOutcomes = new TreeMap<>();
        for (WorkflowSample sample : samples) {
            outcomes = outcomes.plus(sample.outcomes());
            sample.kindOutcomes().forEach((kind, ofKind) -> kindOutcomes.merge(kind, ofKind, KindOutcomes::plus));
            sample.pools().forEach((pool, sums) -> byPool.computeIfAbsent(pool, name -> new ArrayList<>()).add(sums));
            sample.ratios().forEach((kind, values) -> ratios.computeIfAbsent(kind, name -> new ArrayList<>())
                    .addAll(values));
        }
        Map<String, PoolHistory.PoolRecord> records = new TreeMap<>();
        byPool.forEach((pool, sums) -> records.put(pool, record(pool, sums)));
        Map<String, Double> kindRatios = new TreeMap<>();
        ratios.forEach((kind, values) -> kindRatios.put(kind, Math.clamp(RatioStats.of(values).median(),
                PoolHistory.MIN_RATIO, PoolHistory.MAX_RATIO)));
        return new PoolHistory(samples.size(), records, kindRatios, outcomes, kindOutcomes);
    }

    private static PoolHistory.PoolRecord record(String pool, List<WorkflowSample.PoolSums> perWorkflow) {
        int attempts = perWorkflow.stream().mapToInt(WorkflowSample.PoolSums::attempts).sum();
        int failed = perWorkflow.stream().mapToInt(WorkflowSample.PoolSums::failed).sum();
        double all = perWorkflow.stream().mapToDouble(WorkflowSample.PoolSums::allSeconds).sum();
        double plannedDone = perWorkflow.stream().mapToDouble(WorkflowSample.PoolSums::plannedDoneSeconds).sum();
        double waited = perWorkflow.stream().mapToDouble(WorkflowSample.PoolSums::waitSeconds).sum();
        double waitedOrWorked = perWorkflow.stream().mapToDouble(WorkflowSample.PoolSums::waitedOrWorkedSeconds).sum();
        double overhead = plannedDone > 0 ? Math.clamp(all / plannedDone, 1, PoolHistory.MAX_OVERHEAD) : 1;
        return new PoolHistory.PoolRecord(pool, perWorkflow.size(), attempts,
                attempts == 0 ? 0 : (double) failed / attempts, waitedOrWorked > 0 ? waited / waitedOrWorked : 0,
                perWorkflow.stream().mapToDouble(WorkflowSample.PoolSums::utilization).filter(value -> value >= 0)
                        .average().orElse(0),
                perWorkflow.stream().mapToInt(WorkflowSample.PoolSums::plannedTasks).sum(),
                perWorkflow.stream().mapToInt(WorkflowSample.PoolSums::addedTasks).sum(), overhead);
    }
}
