package dev.pce.rules.dependency;

import dev.pce.engine.dependency.ClassifiedEdge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the rules' decisions into the classifier's output: one edge per (from, to, class), sorted by plan
 * order of {@code from}, then of {@code to}, then by class. When several rules decide the same edge (a task
 * reads two files another writes), the first by rule name, then resource, then reason is kept, so the output
 * does not depend on the order in which rules fired.
 */
final class EdgeSet {
    private static final Comparator<ClassifiedEdge> PREFERRED = Comparator.comparing(ClassifiedEdge::rule)
            .thenComparing(ClassifiedEdge::resource).thenComparing(ClassifiedEdge::reason);

    private EdgeSet() {
    }

    static List<ClassifiedEdge> of(TaskIndex tasks, Collection<ClassifiedEdge> decisions) {
        Map<Key, ClassifiedEdge> chosen = new HashMap<>(decisions.size() * 2);
        for (ClassifiedEdge edge : decisions) {
            Key key = new Key(tasks.position(edge.from()), tasks.position(edge.to()), edge.edgeClass().ordinal());
            chosen.merge(key, edge, (kept, other) -> PREFERRED.compare(kept, other) <= 0 ? kept : other);
        }
        List<Map.Entry<Key, ClassifiedEdge>> entries = new ArrayList<>(chosen.entrySet());
        entries.sort(Map.Entry.comparingByKey(Comparator.comparingInt(Key::from).thenComparingInt(Key::to)
                .thenComparingInt(Key::edgeClass)));
        return entries.stream().map(Map.Entry::getValue).toList();
    }

    private record Key(int from, int to, int edgeClass) {
    }
}
