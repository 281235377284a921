package dev.pce.rules.dependency;

import dev.pce.engine.model.TaskSpec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Task ids and their positions in the plan. */
final class TaskIndex {
    private final List<String> ids;
    private final Map<String, Integer> positions;

    TaskIndex(List<TaskSpec> tasks) {
        this.ids = tasks.stream().map(TaskSpec::id).toList();
        this.positions = new HashMap<>(tasks.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            positions.putIfAbsent(ids.get(i), i);
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
        Integer position = positions.get(id);
        if (position == null) {
            throw new IllegalArgumentException("no task '" + id + "' in the plan");
        }
        return position;
    }

    boolean contains(String id) {
        return positions.containsKey(id);
    }
}
