package dev.pce.engine.merge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.EventCodec;
import dev.pce.engine.event.WorkflowPlanned;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Merges the event logs of one workflow written by parallel jobs, each a copy of the same planned log extended by
 * one job. The union is taken by event id: an event in several logs counts once; two different events under one id
 * are an error. The order is by id within the constraint of each log's own order (see {@link MergeOrder}), the
 * sequence numbers are renumbered 1..n, and the one shared {@code workflow.planned} comes first. The same inputs in
 * any order give the same merged log, byte for byte.
 */
public final class EventLogMerger {
    /** The conflict check folds without a workspace; the id only appears in its messages. */
    private static final String MERGED_WORKFLOW = "merged";

    private EventLogMerger() {
    }

    /** Reads the files (skipping torn last lines) and merges them. */
    public static MergedLog mergeFiles(List<Path> files) {
        return merge(files.stream().map(InputLogReader::read).toList());
    }

    public static MergedLog merge(List<InputLog> inputs) {
        if (inputs.isEmpty()) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "No event logs to merge.",
                    "Name at least one events.jsonl, usually one per CI job.");
        }
        requireOnePlan(inputs);
        Map<String, Event> byId = new HashMap<>();
        Map<String, Path> firstSeenIn = new HashMap<>();
        Map<String, TreeSet<Path>> origins = new HashMap<>();
        int duplicates = 0;
        for (InputLog input : inputs) {
            for (Event event : input.events()) {
                origins.computeIfAbsent(event.id(), id -> new TreeSet<>()).add(input.file());
                Event known = byId.putIfAbsent(event.id(), event);
                if (known == null) {
                    firstSeenIn.put(event.id(), input.file());
                } else if (sameEvent(known, event)) {
                    duplicates++;
                } else {
                    throw new CeException(ErrorCode.LOG_CORRUPT, "Event id " + event.id() + " names two different "
                            + "events: a " + known.type() + " in " + firstSeenIn.get(event.id()) + " and a "
                            + event.type() + " in " + input.file() + ".", "Event ids are unique; one of the files "
                            + "was edited or damaged. Restore it from its job's artifact and merge again.");
                }
            }
        }
        List<Event> ordered = MergeOrder.of(byId, inputs);
        List<Event> renumbered = new ArrayList<>(ordered.size());
        for (Event event : ordered) {
            renumbered.add(new Event(event.id(), renumbered.size() + 1, event.time(), event.source(),
                    event.payload()));
        }
        Map<String, List<Path>> sortedOrigins = new HashMap<>();
        origins.forEach((id, files) -> sortedOrigins.put(id, List.copyOf(files)));
        List<InputSummary> summaries = inputs.stream()
                .map(input -> new InputSummary(input.file(), input.events().size(), input.tornLine()))
                .toList();
        return new MergedLog(renumbered, summaries, duplicates,
                ConflictFinder.find(MERGED_WORKFLOW, renumbered, sortedOrigins));
    }

    /** Every input starts with the same workflow.planned and has no other. */
    private static void requireOnePlan(List<InputLog> inputs) {
        InputLog first = null;
        for (InputLog input : inputs) {
            if (input.events().isEmpty() || !(input.events().getFirst().payload() instanceof WorkflowPlanned)) {
                throw new CeException(ErrorCode.INVALID_ARGUMENT, "Event log " + input.file() + " does not start "
                        + "with a workflow.planned event" + (input.events().isEmpty() ? " (it has no complete events)"
                        : " (its first event is a " + input.events().getFirst().type() + ")") + ".",
                        "Merge whole events.jsonl files of one workflow, each a copy of the planned log that a job "
                                + "appended to.");
            }
            for (Event event : input.events().subList(1, input.events().size())) {
                if (event.payload() instanceof WorkflowPlanned) {
                    throw new CeException(ErrorCode.LOG_CORRUPT, "Event log " + input.file() + " plans its "
                            + "workflow twice (line " + event.seq() + ", event " + event.id() + ").",
                            "A workflow has one plan; restore the file from its job's artifact.");
                }
            }
            if (first == null) {
                first = input;
            } else if (!first.events().getFirst().id().equals(input.events().getFirst().id())) {
                throw new CeException(ErrorCode.INVALID_ARGUMENT, "Event logs " + first.file() + " and "
                        + input.file() + " belong to different workflows: they start from different plans "
                        + "(workflow.planned " + first.events().getFirst().id() + " and "
                        + input.events().getFirst().id() + ").", "Merge only the logs of one workflow: every "
                        + "job must start from a copy of the same planned events.jsonl.");
            }
        }
    }

    /** The same event in two logs: equal in everything but its position (an earlier merge may have renumbered). */
    private static boolean sameEvent(Event a, Event b) {
        return withoutSeq(a).equals(withoutSeq(b));
    }

    private static ObjectNode withoutSeq(Event event) {
        ObjectNode json = EventCodec.toJson(event);
        json.remove("seq");
        return json;
    }
}
