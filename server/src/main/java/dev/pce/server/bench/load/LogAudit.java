package dev.pce.server.bench.load;

import dev.pce.engine.CeException;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.LeaseExpired;
import dev.pce.engine.event.TaskClaimed;
import dev.pce.engine.event.TaskCompleted;
import dev.pce.engine.event.TaskFailed;
import dev.pce.engine.event.WorkflowPlanned;
import dev.pce.engine.merge.InputLog;
import dev.pce.engine.merge.InputLogReader;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.workflow.WorkflowState;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks one workflow's event log, read from disk line by line with the event codec only (not through the
 * event log class whose appends are under test), against what the agents were told. Transitions are matched by
 * their {@link Transition.Key}; the log is also walked task by task to find double claims, reports under a claim
 * that does not hold the task, claims before a hard prerequisite was done and tasks sharing a file held at once
 * (under live leases: a lease that has run out no longer excludes, as {@code ce_claim} documents).
 */
public final class LogAudit {
    /** Task ids named in one violation at most. */
    private static final int MAX_IDS = 20;

    private final List<Violation> violations = new ArrayList<>();
    private final Map<Transition.Key, List<Long>> logged = new LinkedHashMap<>();
    private final Map<String, Hold> holds = new HashMap<>();
    private final Set<String> done = new HashSet<>();
    private final Map<String, List<String>> hardPrerequisites = new HashMap<>();
    private final Map<String, List<String>> sharingFiles = new HashMap<>();
    private final Set<String> taskIds = new HashSet<>();

    /** A task held under a claim since a seq, with a lease until a time. */
    private record Hold(String claimId, String agent, long since, Instant leaseUntil) {
    }

    private LogAudit() {
    }

    /**
     * Audits {@code eventsFile} against the transitions the agents were acknowledged, the claims they abandoned on
     * purpose (only those leases may run out) and the events they read with {@code ce_events}.
     */
    public static AuditResult audit(Path eventsFile, Collection<Transition> acknowledged, Set<String> abandonedClaims,
                                    Collection<SeenEvent> seen) {
        return new LogAudit().run(eventsFile, acknowledged, abandonedClaims, seen);
    }

    private AuditResult run(Path eventsFile, Collection<Transition> acknowledged, Set<String> abandonedClaims,
                            Collection<SeenEvent> seen) {
        List<Event> events = read(eventsFile);
        matchReads(events, seen);
        String workflowId = eventsFile.toAbsolutePath().getParent().getFileName().toString();
        WorkflowState replayed = new WorkflowState(workflowId);
        if (events.isEmpty() || !(events.getFirst().payload() instanceof WorkflowPlanned planned)) {
            violation(Check.SEQUENCE, "the log does not start with the workflow's plan");
            return result(events, replayed);
        }
        learnPlan(planned);
        for (int i = 1; i < events.size(); i++) {
            walk(events.get(i), i + 1 < events.size() ? events.get(i + 1) : null, abandonedClaims);
        }
        matchAcknowledgements(acknowledged);
        List<String> notDone = taskIds.stream().filter(id -> !done.contains(id)).sorted().toList();
        if (!notDone.isEmpty()) {
            violation(Check.NOT_DONE, notDone.size() + " task(s) not done: "
                    + String.join(", ", notDone.subList(0, Math.min(notDone.size(), MAX_IDS))));
        }
        replayed.applyAll(events);
        return result(events, replayed);
    }

    private AuditResult result(List<Event> events, WorkflowState replayed) {
        Map<String, Integer> byType = new TreeMap<>();
        logged.forEach((key, seqs) -> byType.merge(key.type(), seqs.size(), Integer::sum));
        return new AuditResult(byType, events.size(), taskIds.size(), done.size(), replayed, violations);
    }

    /**
     * Every line, in order, read as a merge reads a finished log; seq must count 1, 2, 3, ... and every event id
     * must be new. A line that does not decode is a violation, and the audit goes on with the lines before it.
     */
    private List<Event> read(Path eventsFile) {
        InputLog log;
        try {
            log = InputLogReader.read(eventsFile);
        } catch (CeException e) {
            violation(Check.SEQUENCE, e.getMessage());
            return List.of();
        }
        Map<String, Long> seqOfId = new HashMap<>();
        long line = 0;
        for (Event event : log.events()) {
            line++;
            if (event.seq() != line) {
                violation(Check.SEQUENCE, "line " + line + " has seq " + event.seq() + " (" + event.type()
                        + "), expected " + line);
            }
            Long earlier = seqOfId.putIfAbsent(event.id(), event.seq());
            if (earlier != null) {
                violation(Check.DUPLICATED, "event id " + event.id() + " at seq " + earlier + " and again at seq "
                        + event.seq());
            }
        }
        log.tornLine().ifPresent(torn -> violation(Check.SEQUENCE, "the log ends in " + torn.bytes()
                + " bytes without a newline"));
        return log.events();
    }

    /** What agents read while others appended must be what the log holds at those seqs. */
    private void matchReads(List<Event> events, Collection<SeenEvent> seen) {
        for (SeenEvent read : seen) {
            long seq = read.seq();
            String logged = seq >= 1 && seq <= events.size() ? events.get((int) seq - 1).id() : "nothing";
            if (!logged.equals(read.eventId())) {
                violation(Check.READS, read.agent() + " read event " + read.eventId() + " at seq " + seq
                        + " with ce_events; the log has " + logged + " there");
            }
        }
    }

    private void learnPlan(WorkflowPlanned planned) {
        planned.tasks().stream().map(TaskSpec::id).forEach(taskIds::add);
        for (ClassifiedEdge edge : planned.edges()) {
            if (edge.edgeClass() == EdgeClass.HARD) {
                hardPrerequisites.computeIfAbsent(edge.to(), id -> new ArrayList<>()).add(edge.from());
            } else if (edge.edgeClass() == EdgeClass.RESOURCE) {
                sharingFiles.computeIfAbsent(edge.from(), id -> new ArrayList<>()).add(edge.to());
                sharingFiles.computeIfAbsent(edge.to(), id -> new ArrayList<>()).add(edge.from());
            }
        }
    }

    /** One event of the log, after the plan; {@code next} is the event after it (null at the end). */
    private void walk(Event event, Event next, Set<String> abandonedClaims) {
        long seq = event.seq();
        switch (event.payload()) {
            case TaskClaimed claimed -> claim(claimed, seq, event.time());
            case LeaseExpired expired -> {
                release(expired.taskId(), expired.claimId(), "lease_expired", seq);
                if (!abandonedClaims.contains(expired.claimId())) {
                    violation(Check.UNPLANNED_EXPIRY, "the lease of " + expired.agent() + " on " + expired.taskId()
                            + " (claim " + expired.claimId() + ") expired at seq " + seq
                            + ", but that agent had not abandoned it");
                }
                // identified by the claim that took the task over, which the log records right after it
                String takenOverBy = next != null && next.payload() instanceof TaskClaimed claimed
                        && claimed.taskId().equals(expired.taskId()) ? claimed.claimId() : "(none followed)";
                log(new Transition.Expired(expired.taskId(), takenOverBy), seq);
            }
            case TaskCompleted completed -> {
                release(completed.taskId(), completed.claimId(), "completed", seq);
                if (!done.add(completed.taskId())) {
                    violation(Check.DUPLICATED, completed.taskId() + " completed again at seq " + seq);
                }
                log(new Transition.Completed(completed.taskId(), completed.claimId()), seq);
            }
            case TaskFailed failed -> {
                release(failed.taskId(), failed.claimId(), "failed", seq);
                log(new Transition.Failed(failed.taskId(), failed.claimId()), seq);
            }
            default -> {
                // the conflict rules' decisions on claims: recorded, but not task transitions
            }
        }
    }

    private void claim(TaskClaimed claimed, long seq, Instant at) {
        String task = claimed.taskId();
        log(new Transition.Claimed(task, claimed.claimId(), claimed.agent()), seq);
        if (!taskIds.contains(task)) {
            violation(Check.DOUBLE_CLAIM, "seq " + seq + " claims " + task + ", which is not in the plan");
            return;
        }
        Hold held = holds.get(task);
        if (held != null) {
            violation(Check.DOUBLE_CLAIM, task + " claimed by " + claimed.agent() + " (claim " + claimed.claimId()
                    + ", seq " + seq + ") while " + held.agent() + " held it (claim " + held.claimId() + " since seq "
                    + held.since() + ")");
        }
        if (done.contains(task)) {
            violation(Check.DOUBLE_CLAIM, task + " claimed by " + claimed.agent() + " at seq " + seq
                    + " though it was done");
        }
        for (String prerequisite : hardPrerequisites.getOrDefault(task, List.of())) {
            if (!done.contains(prerequisite)) {
                violation(Check.EARLY_CLAIM, task + " claimed at seq " + seq + " before its prerequisite "
                        + prerequisite + " was done");
            }
        }
        for (String partner : sharingFiles.getOrDefault(task, List.of())) {
            Hold other = holds.get(partner);
            // the exclusion is between live leases: a lease that ran out no longer holds the file
            if (other != null && at.isBefore(other.leaseUntil())) {
                violation(Check.SHARED_FILE, task + " claimed at seq " + seq + " while " + partner
                        + ", which writes the same file, was held by " + other.agent() + " (since seq "
                        + other.since() + ", lease until " + other.leaseUntil() + ")");
            }
        }
        holds.put(task, new Hold(claimed.claimId(), claimed.agent(), seq, claimed.leaseUntil()));
    }

    /** A report or expiry ends the hold of the claim it names, which must be the one holding the task. */
    private void release(String task, String claimId, String what, long seq) {
        Hold held = holds.get(task);
        if (held == null || !held.claimId().equals(claimId)) {
            violation(Check.FOREIGN_REPORT, task + " " + what + " at seq " + seq + " under claim " + claimId
                    + ", but " + (held == null ? "no claim held it" : "claim " + held.claimId() + " held it"));
            return;
        }
        holds.remove(task);
    }

    private void log(Transition transition, long seq) {
        logged.computeIfAbsent(transition.key(), key -> new ArrayList<>(1)).add(seq);
    }

    private void matchAcknowledgements(Collection<Transition> acknowledged) {
        Map<Transition.Key, Integer> told = new HashMap<>();
        for (Transition transition : acknowledged) {
            told.merge(transition.key(), 1, Integer::sum);
        }
        told.forEach((key, times) -> {
            List<Long> seqs = logged.get(key);
            if (seqs == null) {
                violation(Check.LOST, key + " was acknowledged to an agent but is not in the log");
            }
            if (times > 1) {
                violation(Check.DUPLICATED, key + " was acknowledged " + times + " times");
            }
        });
        logged.forEach((key, seqs) -> {
            if (seqs.size() > 1) {
                violation(Check.DUPLICATED, key + " is in the log " + seqs.size() + " times, at seqs " + seqs);
            }
            if (!told.containsKey(key)) {
                violation(Check.UNACKNOWLEDGED, key + " at seq " + seqs.getFirst()
                        + " is in the log, but no agent was told");
            }
        });
    }

    private void violation(Check check, String detail) {
        violations.add(new Violation(check, detail));
    }
}
