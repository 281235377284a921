package dev.pce.rules.conflict;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.conflict.Action;
import dev.pce.engine.conflict.Contender;
import dev.pce.engine.conflict.ContenderOutcome;
import dev.pce.engine.conflict.ResourceContention;
import dev.pce.engine.conflict.ResourceResolution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns the rules' rulings on a contention into its resolution: one outcome per contender, with whom a waiting
 * task waits for (the contenders it shares files with that proceed) and the files at stake.
 */
final class ResourceOutcomes {

    private ResourceOutcomes() {
    }

    /**
     * @throws CeException {@code INTERNAL} when a contender has no ruling or several, or waits without anybody it
     *                     overlaps proceeding (it would wait forever)
     */
    static ResourceResolution settle(ResourceContention contention, List<Overlap> overlaps,
                                     List<ResourceRuling> rulings) {
        Map<String, ResourceRuling> byTask = new HashMap<>();
        for (Contender contender : contention.contenders()) {
            String id = contender.taskId();
            byTask.put(id, RulingChecks.exactlyOne(rulings.stream().filter(r -> r.taskId().equals(id)).toList(),
                    ResourceRuling::rule, "whether " + id + " proceeds or waits"));
        }
        List<ContenderOutcome> outcomes = new ArrayList<>();
        for (Contender contender : contention.contenders()) {
            outcomes.add(outcome(contender.taskId(), byTask, overlaps));
        }
        TreeSet<String> shared = overlaps.stream().flatMap(o -> o.files().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        return ResourceResolution.of(outcomes, List.copyOf(shared));
    }

    private static ContenderOutcome outcome(String id, Map<String, ResourceRuling> byTask, List<Overlap> overlaps) {
        ResourceRuling ruling = byTask.get(id);
        List<Overlap> mine = overlaps.stream().filter(o -> o.task().equals(id)).toList();
        if (ruling.action() == Action.PROCEED) {
            return new ContenderOutcome(id, Action.PROCEED, List.of(), files(mine), ruling.rule(), ruling.reason());
        }
        List<Overlap> blocking = mine.stream()
                .filter(o -> byTask.get(o.other()).action() == Action.PROCEED).toList();
        if (blocking.isEmpty()) {
            throw new CeException(ErrorCode.INTERNAL, "The conflict rule '" + ruling.rule() + "' makes " + id
                    + " wait, but no contender it shares files with proceeds, so it would wait forever.",
                    "This is a defect in " + ConflictRules.DRL + ": a task may only wait for a contender that"
                            + " proceeds; add a conflict scenario for the case.");
        }
        return new ContenderOutcome(id, Action.WAIT, blocking.stream().map(Overlap::other).toList(), files(blocking),
                ruling.rule(), ruling.reason());
    }

    private static List<String> files(List<Overlap> overlaps) {
        return List.copyOf(overlaps.stream().flatMap(o -> o.files().stream())
                .collect(Collectors.toCollection(TreeSet::new)));
    }
}
