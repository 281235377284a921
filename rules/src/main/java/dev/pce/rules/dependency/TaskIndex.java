package dev.pce.rules.dependency;

import dev.pce.engine.model.TaskSpec;

import java.util.List;

/**
 * Task ids and their positions in the plan. The classification asks for positions several times per relation (the
 * output's order, the order graphs, the rules' reachability questions), a few hundred thousand lookups for a large
 * plan: an open-addressing table of ids and int positions, which compares the id instance first (the rules pass on
 * the instances the facts hold), costs about half a {@code HashMap<String, Integer>}'s lookup.
 */
final class TaskIndex {
    private final List<String> ids;
    /** Ids by slot (null: empty); a power of two in size, at most half full. */
    private final String[] keys;
    private final int[] positions;
    private final int mask;
    private final int shift;

    TaskIndex(List<TaskSpec> tasks) {
        this.ids = tasks.stream().map(TaskSpec::id).toList();
        int slots = Integer.highestOneBit(Math.max(2, ids.size()) * 2 - 1) << 1;
        this.keys = new String[slots];
        this.positions = new int[slots];
        this.mask = slots - 1;
        this.shift = Integer.numberOfLeadingZeros(slots) + 1;
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            int slot = slotOf(id);
            if (keys[slot] == null) { // an id given twice keeps its first position
                keys[slot] = id;
                positions[slot] = i;
            }
        }
    }

    int size() {
        return ids.size();
    }

    String id(int position) {
        return ids.get(position);
    }

    /** The position of a task of the plan; an unknown id is a defect of the caller (the plan was validated). */
    int position(String id) {
        int slot = slotOf(id);
        if (keys[slot] == null) {
            throw new IllegalArgumentException("no task '" + id + "' in the plan");
        }
        return positions[slot];
    }

    boolean contains(String id) {
        return keys[slotOf(id)] != null;
    }

    /** The slot that holds {@code id}, or the empty one where it would go. */
    private int slotOf(String id) {
        // Fibonacci hashing: the top bits of the product depend on every bit of the id's hash
        int slot = (id.hashCode() * 0x9E3779B9) >>> shift;
        for (String key = keys[slot]; key != null && key != id && !key.equals(id); key = keys[slot]) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }
}
