package dev.pce.engine.learning.insight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pce.engine.Json;
import dev.pce.engine.PlainNumbers;
import dev.pce.engine.gate.CriterionResult;
import dev.pce.engine.knowledge.NewNote;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The notes of a workflow's insight events: one per key, its content a function of the events alone (their order,
 * times and details) and the time zone its date is written in.
 */
public final class InsightNotes {
    static final String TAG = "auto-capture";
    private static final int MAX_SLUG = 60;
    private static final int MAX_TITLE_TEXT = 100;

    private InsightNotes() {
    }

    /** The notes of {@code events} (one workflow's, in log order), the workflow's retrospective last. */
    public static List<InsightNote> of(String workflowId, List<InsightEvent> events, ZoneId zone) {
        Map<String, List<InsightEvent>> byKey = new LinkedHashMap<>();
        events.forEach(event -> byKey.computeIfAbsent(event.key(), key -> new ArrayList<>()).add(event));
        List<InsightNote> notes = new ArrayList<>();
        InsightEvent.WorkflowEnded ended = null;
        for (List<InsightEvent> group : byKey.values()) {
            if (group.getFirst() instanceof InsightEvent.WorkflowEnded end) {
                ended = end;
            } else {
                notes.add(note(workflowId, group, zone, List.of()));
            }
        }
        if (ended != null) {
            notes.add(note(workflowId, List.of(ended), zone, notes));
        }
        return notes;
    }

    /** The id of the note of the insight {@code key} of {@code workflowId}. */
    public static String id(String workflowId, String key) {
        String slug = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        return workflowId + "-" + slug + "-" + hash(key);
    }

    private static InsightNote note(String workflowId, List<InsightEvent> group, ZoneId zone,
                                    List<InsightNote> others) {
        InsightEvent first = group.getFirst();
        Content content = switch (first) {
            case InsightEvent.WorkflowEnded ended -> retrospective(workflowId, ended, others);
            case InsightEvent.TaskFailure failure -> failures(workflowId, failure, group);
            case InsightEvent.GateFailure gate -> gateFailures(workflowId, gate, group);
            case InsightEvent.ConflictEscalated ignored -> conflict(workflowId, group);
            case InsightEvent.ConflictOverridden ignored -> conflict(workflowId, group);
            case InsightEvent.Overrun overrun -> overruns(workflowId, overrun, group);
        };
        List<String> names = group.stream().map(InsightNote::eventName).toList();
        long lastSeq = group.getLast().seq();
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        extra.put("workflow", TextNode.valueOf(workflowId));
        Set<String> tasks = new LinkedHashSet<>();
        group.forEach(event -> tasks.addAll(event.tasks()));
        if (!tasks.isEmpty()) {
            extra.put("tasks", texts(tasks));
        }
        Set<String> evidence = new LinkedHashSet<>();
        group.forEach(event -> {
            if (event instanceof InsightEvent.GateFailure gate) {
                evidence.addAll(gate.evidence());
            }
        });
        if (!evidence.isEmpty()) {
            extra.put("evidence", texts(evidence));
        }
        extra.put(InsightNote.CAPTURE_KEY, TextNode.valueOf(InsightNote.AUTOMATIC));
        extra.put("insight_key", TextNode.valueOf(first.key()));
        extra.put(InsightNote.EVENTS_KEY, texts(names));
        extra.put(InsightNote.LAST_SEQ_KEY, LongNode.valueOf(lastSeq));
        LocalDateTime date = LocalDateTime.ofInstant(first.time(), zone).truncatedTo(ChronoUnit.SECONDS);
        NewNote note = new NewNote(date, content.type() + "s", content.title(), content.type(), InsightNote.STATUS,
                List.of(TAG, content.tag()), content.links(), extra, content.body());
        return new InsightNote(id(workflowId, first.key()), first.key(), names, lastSeq, note);
    }

    /** What a kind of insight says: its note type, tag, title, body and the notes it links to. */
    private record Content(String type, String tag, String title, String body, List<String> links) {
    }

    private static Content retrospective(String workflowId, InsightEvent.WorkflowEnded ended,
                                         List<InsightNote> others) {
        StringBuilder body = new StringBuilder();
        body.append("Workflow ").append(workflowId).append(ended.completed() ? " completed" : " failed")
                .append(": ").append(ended.goal().strip()).append("\n\n");
        body.append("- Tasks: ").append(ended.taskCount()).append(ended.completed() ? ", every one done."
                : "; a task failed for good and nothing else could run.").append('\n');
        body.append("- Makespan: ").append(minutes(ended.makespanMinutes())).append(" from the plan to the last "
                + "task, against a critical path of ").append(minutes(ended.criticalPathMinutes()))
                .append(" estimated");
        if (ended.criticalPathMinutes() > 0) {
            body.append(" (").append(PlainNumbers.figures(ended.makespanMinutes() / ended.criticalPathMinutes(), 2))
                    .append("x)");
        }
        body.append(".\n");
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (InsightNote other : others) {
            for (String event : other.events()) {
                counts.merge(event.substring(0, event.indexOf('@')), 1, Integer::sum);
            }
        }
        body.append("- Insight events: ").append(counts.isEmpty() ? "none (no failure, failed gate, escalation, "
                + "override or overrun)" : describe(counts)).append(".\n");
        List<String> links = new ArrayList<>();
        if (!others.isEmpty()) {
            body.append("\n## What to remember\n\n");
            for (InsightNote other : others) {
                links.add(other.id());
                body.append("- [[").append(other.id()).append("|").append(linkText(other.note().title())).append("]] (")
                        .append(other.events().size()).append(other.events().size() == 1 ? " event" : " events")
                        .append(")\n");
            }
        }
        return new Content("insight", "retrospective", "Retrospective of " + workflowId + ": "
                + clip(ended.goal()), body.toString(), links);
    }

    private static Content failures(String workflowId, InsightEvent.TaskFailure first, List<InsightEvent> group) {
        StringBuilder body = new StringBuilder();
        body.append("Tasks of kind '").append(first.taskKind()).append("' failed ").append(times(group.size()))
                .append(" in workflow ").append(workflowId).append(" for the same cause (").append(first.cause())
                .append(").\n\nFirst reason given:\n\n> ").append(clip(first.reason().strip().lines().findFirst()
                        .orElse(""))).append("\n\n");
        for (InsightEvent event : group) {
            InsightEvent.TaskFailure failure = (InsightEvent.TaskFailure) event;
            body.append("- ").append(failure.taskId()).append(" at ").append(failure.time()).append(": ")
                    .append(failure.willRetry() ? "retried" : "failed for good").append('\n');
        }
        return new Content("failure", "failure", first.taskKind() + " failed: "
                + clip(first.reason().strip().lines().findFirst().orElse("(no reason given)")), body.toString(),
                List.of());
    }

    private static Content gateFailures(String workflowId, InsightEvent.GateFailure first,
                                        List<InsightEvent> group) {
        Set<String> criteria = new LinkedHashSet<>();
        StringBuilder body = new StringBuilder();
        body.append("The gate '").append(first.gate()).append("' of workflow ").append(workflowId)
                .append(" (project type ").append(first.projectType()).append(") blocked ")
                .append(times(group.size())).append(".\n");
        for (InsightEvent event : group) {
            InsightEvent.GateFailure gate = (InsightEvent.GateFailure) event;
            body.append("\n## At ").append(gate.time()).append("\n\n");
            for (CriterionResult criterion : gate.unmet()) {
                criteria.add(criterion.criterion());
                body.append("- ").append(criterion.criterion()).append(" (").append(criterion.verdict().wireName())
                        .append("): ").append(criterion.reason()).append('\n');
            }
            if (!gate.remediation().isEmpty()) {
                body.append("- Remediation tasks: ").append(String.join(", ", gate.remediation())).append('\n');
            }
            if (!gate.evidence().isEmpty()) {
                body.append("- Evidence: ").append(String.join(", ", gate.evidence())).append('\n');
            }
        }
        return new Content("failure", "gate", "Gate " + first.gate() + " failed: "
                + clip(String.join(", ", criteria)), body.toString(), List.of());
    }

    private static Content conflict(String workflowId, List<InsightEvent> group) {
        StringBuilder body = new StringBuilder();
        String conflictId = "";
        String task = "";
        String outcome = "escalated to a person";
        for (InsightEvent event : group) {
            switch (event) {
                case InsightEvent.ConflictEscalated escalated -> {
                    conflictId = escalated.conflictId();
                    task = escalated.taskId();
                    body.append("The reviews of ").append(escalated.taskId()).append(" in workflow ")
                            .append(workflowId).append(" did not decide it (").append(escalated.conflictId())
                            .append("): approved by ").append(names(escalated.approvers())).append(", objected to by ")
                            .append(names(escalated.objectors())).append(". Rule ").append(escalated.rule())
                            .append(": ").append(escalated.reason()).append("\n\n");
                }
                case InsightEvent.ConflictOverridden overridden -> {
                    conflictId = overridden.conflictId();
                    task = task.isEmpty() ? String.join(", ", overridden.tasks()) : task;
                    outcome = "decided by " + overridden.person() + ": " + overridden.decision();
                    body.append(overridden.person()).append(" decided the ").append(overridden.conflictKind())
                            .append(" conflict ").append(overridden.conflictId()).append(" of workflow ")
                            .append(workflowId).append(": ").append(overridden.decision()).append(", because ")
                            .append(overridden.reason().strip()).append("\n\n");
                }
                default -> throw new IllegalStateException("not a conflict: " + event);
            }
        }
        String title = "Conflict " + conflictId + (task.isEmpty() ? "" : " on " + clip(task)) + " " + outcome;
        return new Content("decision", "conflict", title, body.toString(), List.of());
    }

    private static Content overruns(String workflowId, InsightEvent.Overrun first, List<InsightEvent> group) {
        StringBuilder body = new StringBuilder();
        body.append("Tasks of kind '").append(first.taskKind()).append("' in workflow ").append(workflowId)
                .append(" ran so far past their estimates that the rules rescheduled them, ")
                .append(times(group.size())).append(".\n\n");
        for (InsightEvent event : group) {
            InsightEvent.Overrun overrun = (InsightEvent.Overrun) event;
            body.append("- ").append(overrun.taskId()).append(": ").append(minutes(overrun.elapsedMinutes()))
                    .append(" against an estimate of ").append(minutes(overrun.estimateMinutes()))
                    .append("; planned on with ").append(minutes(overrun.proposedEstimateMinutes())).append(" (rule ")
                    .append(overrun.rule()).append("). ").append(overrun.suggestion().strip()).append('\n');
        }
        return new Content("insight", "overrun", first.taskKind() + " tasks overran their estimates in "
                + workflowId, body.toString(), List.of());
    }

    private static String describe(Map<String, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, count) -> parts.add(count + " " + kind));
        return String.join(", ", parts);
    }

    /** A title as a link's shown text: without the characters that would end or split the link. */
    private static String linkText(String title) {
        return title.replaceAll("[\\[\\]|#^]+", " ").strip();
    }

    private static String times(int count) {
        return count == 1 ? "once" : count + " times";
    }

    private static String minutes(double minutes) {
        return PlainNumbers.figures(minutes, 3) + " min";
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "nobody" : String.join(", ", names);
    }

    private static String clip(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX_TITLE_TEXT ? line : line.substring(0, MAX_TITLE_TEXT - 3) + "...";
    }

    private static ArrayNode texts(Collection<String> values) {
        ArrayNode array = Json.mapper().createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
