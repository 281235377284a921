package dev.pce.engine.conflict;

import java.util.List;
import java.util.Objects;

/**
 * What one contender of a resource conflict does, and which rule decided it.
 *
 * @param waitsFor the contenders that proceed and whose files it shares, in the contention's order; empty when it
 *                 proceeds
 * @param files    the shared files at stake: for a waiting task those it shares with {@code waitsFor}, for a
 *                 proceeding one those it shares with any contender; sorted
 */
public record ContenderOutcome(String taskId, Action action, List<String> waitsFor, List<String> files, String rule,
                               String reason) {

    public ContenderOutcome {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        waitsFor = List.copyOf(waitsFor);
        files = List.copyOf(files);
    }

    public boolean proceeds() {
        return action == Action.PROCEED;
    }
}
