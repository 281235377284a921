package dev.pce.server.bench.load;

import dev.pce.server.bench.Samples;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the agents of one run were told, kept client side for the audit: every acknowledged transition, the claims
 * agents abandoned on purpose, the events they read while waiting, what went wrong during the run, and the round
 * trips. Thread-safe.
 */
public final class LoadLedger {
    private final ConcurrentLinkedQueue<Transition> acknowledged = new ConcurrentLinkedQueue<>();
    private final Set<String> abandonedClaims = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<SeenEvent> seenEvents = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Violation> violations = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> failuresSoFar = new ConcurrentHashMap<>();
    private final Map<TimedTool, Samples> latencies = new EnumMap<>(TimedTool.class);
    private final AtomicInteger repeats = new AtomicInteger();
    private final AtomicInteger lateReportsKept = new AtomicInteger();
    private final AtomicInteger lateReportsRefused = new AtomicInteger();

    void acknowledged(Transition transition) {
        acknowledged.add(transition);
        if (transition instanceof Transition.Failed failed) {
            failuresSoFar.computeIfAbsent(failed.taskId(), id -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** Failures of the task acknowledged so far (one agent holds a task at a time, so this is not racy). */
    int failuresSoFar(String taskId) {
        AtomicInteger count = failuresSoFar.get(taskId);
        return count == null ? 0 : count.get();
    }

    void abandoned(String claimId) {
        abandonedClaims.add(claimId);
    }

    void saw(SeenEvent event) {
        seenEvents.add(event);
    }

    void repeated() {
        repeats.incrementAndGet();
    }

    /** An abandoned claim was reported as its lease ran out: kept, or refused because the task was taken over. */
    void lateReport(boolean kept) {
        (kept ? lateReportsKept : lateReportsRefused).incrementAndGet();
    }

    void violation(Check check, String detail) {
        violations.add(new Violation(check, detail));
    }

    synchronized void addLatencies(Map<TimedTool, Samples> samples) {
        samples.forEach((tool, values) -> latencies.computeIfAbsent(tool, t -> new Samples()).addAll(values));
    }

    public List<Transition> acknowledged() {
        return List.copyOf(acknowledged);
    }

    public Set<String> abandonedClaims() {
        return Set.copyOf(abandonedClaims);
    }

    public List<SeenEvent> seenEvents() {
        return List.copyOf(seenEvents);
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    public int repeats() {
        return repeats.get();
    }

    public int lateReportsKept() {
        return lateReportsKept.get();
    }

    public int lateReportsRefused() {
        return lateReportsRefused.get();
    }

    /** The round trips per timed tool, in the order of {@link TimedTool}; tools never called are left out. */
    public synchronized Map<TimedTool, Samples> latencies() {
        return new EnumMap<>(latencies);
    }

    /** Acknowledged transitions per event type. */
    public Map<String, Integer> countsByType() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Transition transition : acknowledged) {
            counts.merge(transition.type(), 1, Integer::sum);
        }
        return counts;
    }
}
