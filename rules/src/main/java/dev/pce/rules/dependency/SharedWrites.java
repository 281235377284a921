package dev.pce.rules.dependency;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.workflow.PlanCapacity;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the pairs of tasks that write overlapping paths and that may run at the same time (neither finishes before
 * the other starts, see {@link OrderGraph#mayOverlapWith}; a soft edge alone does not keep them apart): graph work, kept
 * in Java like {@link OrderGraph}, done over bit sets (a thousand ordered writers of one file cost a thousand set
 * operations, not half a million questions). Only the unordered pairs become facts, and they are counted as they
 * are found: each is a resource relation, so the plan is refused as soon as they would take it past its bound.
 */
final class SharedWrites {

    private SharedWrites() {
    }

    /**
     * @param maxEdges the relations the plan may hold: more unordered pairs than that alone refuse it (the exact
     *                 count, with the other relations, is the caller's)
     * @throws CeException {@link ErrorCode#INVALID_PLAN} when the unordered pairs exceed {@code maxEdges}
     */
    static List<UnorderedWriters> find(List<Object> facts, OrderGraph decided, int maxEdges) {
        Map<String, List<FileAccess>> writersByPath = new LinkedHashMap<>();
        Map<String, List<PathWithin>> writtenWithin = new LinkedHashMap<>();
        for (Object fact : facts) {
            if (fact instanceof FileAccess access && access.mode() == AccessMode.WRITE) {
                writersByPath.computeIfAbsent(access.path(), any -> new ArrayList<>()).add(access);
            } else if (fact instanceof PathWithin within && within.mode() == AccessMode.WRITE) {
                writtenWithin.computeIfAbsent(within.directory(), any -> new ArrayList<>()).add(within);
            }
        }
        Pairs pairs = new Pairs(maxEdges);
        writersByPath.forEach((path, writers) -> {
            samePath(path, writers, decided, pairs);
            for (FileAccess writer : writers) {
                if (writer.directory()) {
                    inside(writer, writtenWithin.getOrDefault(path, List.of()), decided, pairs);
                }
            }
        });
        return pairs.found;
    }

    /** Each writer against the writers ranked after it: a later one can only run after it by being reached. */
    private static void samePath(String path, List<FileAccess> writers, OrderGraph decided, Pairs pairs) {
        if (writers.size() < 2) {
            return;
        }
        Map<Integer, FileAccess> byPosition = new LinkedHashMap<>();
        BitSet rankedLater = new BitSet();
        for (FileAccess writer : writers) {
            byPosition.put(writer.taskIndex(), writer);
            rankedLater.set(writer.taskIndex());
        }
        List<FileAccess> byRank = new ArrayList<>(writers);
        byRank.sort(Comparator.comparingInt(writer -> decided.rank(writer.taskIndex())));
        for (FileAccess a : byRank) {
            rankedLater.clear(a.taskIndex());
            BitSet unordered = decided.mayOverlapWith(a.taskIndex(), rankedLater);
            for (int b = unordered.nextSetBit(0); b >= 0; b = unordered.nextSetBit(b + 1)) {
                FileAccess first = a.taskIndex() < b ? a : byPosition.get(b);
                FileAccess second = first == a ? byPosition.get(b) : a;
                pairs.add(new UnorderedWriters(first.task(), first.taskIndex(), second.task(), second.taskIndex(),
                        path, ""), path, writers.size());
            }
        }
    }

    /** A directory's writer against every other task writing inside that directory. */
    private static void inside(FileAccess directoryWriter, List<PathWithin> inside, OrderGraph decided, Pairs pairs) {
        BitSet others = new BitSet();
        for (PathWithin within : inside) {
            others.set(within.taskIndex());
        }
        BitSet unordered = decided.mayOverlapWith(directoryWriter.taskIndex(), others);
        int writers = others.cardinality() + 1;
        for (PathWithin within : inside) {
            if (unordered.get(within.taskIndex())) {
                pairs.add(new UnorderedWriters(directoryWriter.task(), directoryWriter.taskIndex(), within.task(),
                        within.taskIndex(), within.path(), directoryWriter.path()), directoryWriter.path(), writers);
            }
        }
    }

    /** The facts found so far and the distinct task pairs among them. */
    private static final class Pairs {
        private final int maxEdges;
        private final List<UnorderedWriters> found = new ArrayList<>();
        private final Set<Long> distinct = new HashSet<>();

        Pairs(int maxEdges) {
            this.maxEdges = maxEdges;
        }

        void add(UnorderedWriters pair, String path, int writers) {
            found.add(pair);
            long key = ((long) Math.min(pair.firstIndex(), pair.secondIndex()) << 32)
                    | Math.max(pair.firstIndex(), pair.secondIndex());
            if (distinct.add(key) && distinct.size() > maxEdges) {
                throw new CeException(ErrorCode.INVALID_PLAN, String.format(Locale.ROOT, "Plan rejected: its tasks"
                        + " would have more than the %,d relations it may hold: %,d tasks write %s (one of the shared"
                        + " paths), and every pair of writers that no dependency orders is a resource relation.",
                        maxEdges, writers, path), PlanCapacity.edgeFix());
            }
        }
    }
}
