package dev.pce.engine.merge;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.event.Event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The order of the merged log: by event id (UUIDv7, so by creation time), except that the events of one input keep
 * that input's order. The exception matters because one append batch shares a millisecond and the ids' random bits
 * would shuffle it (a lease expiry could land after the claim that recorded it). The result is the unique
 * topological order of the inputs' orders that takes the smallest id first, so it does not depend on the order
 * the inputs are given in.
 */
final class MergeOrder {

    private MergeOrder() {
    }

    /**
     * @param events every distinct event, by id
     * @param inputs the inputs, each in its file order
     */
    static List<Event> of(Map<String, Event> events, List<InputLog> inputs) {
        Map<String, Set<String>> successors = new HashMap<>();
        Map<String, Integer> predecessorCount = new HashMap<>();
        events.keySet().forEach(id -> predecessorCount.put(id, 0));
        for (InputLog input : inputs) {
            for (int i = 1; i < input.events().size(); i++) {
                String before = input.events().get(i - 1).id();
                String after = input.events().get(i).id();
                if (successors.computeIfAbsent(before, id -> new HashSet<>()).add(after)) {
                    predecessorCount.merge(after, 1, Integer::sum);
                }
            }
        }
        PriorityQueue<String> ready = new PriorityQueue<>();
        predecessorCount.forEach((id, count) -> {
            if (count == 0) {
                ready.add(id);
            }
        });
        List<Event> ordered = new ArrayList<>(events.size());
        while (!ready.isEmpty()) {
            String id = ready.poll();
            ordered.add(events.get(id));
            for (String next : successors.getOrDefault(id, Set.of())) {
                if (predecessorCount.merge(next, -1, Integer::sum) == 0) {
                    ready.add(next);
                }
            }
        }
        if (ordered.size() != events.size()) {
            throw new CeException(ErrorCode.LOG_CORRUPT, "The inputs disagree on the order of events they share ("
                    + (events.size() - ordered.size()) + " events are ordered one way in one log and the other way "
                    + "in another).", "Merge only logs that are copies of one workflow's log, each extended by one "
                    + "job; a log edited by hand must be restored from its artifact.");
        }
        return ordered;
    }
}
