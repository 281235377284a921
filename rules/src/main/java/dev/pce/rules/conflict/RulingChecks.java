package dev.pce.rules.conflict;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;

import java.util.List;
import java.util.function.Function;

/**
 * The one check every kind of conflict needs after the rules ran: exactly one ruling for each thing decided. None
 * or two is a defect in the DRL (rules whose conditions leave a gap, or overlap), not in the request.
 */
final class RulingChecks {

    private RulingChecks() {
    }

    /**
     * @param what   what was decided, for the message ("the overrun factor of task t1")
     * @param ruleOf the name of the rule behind a ruling
     * @throws CeException {@code INTERNAL} naming the rules, when there is not exactly one ruling
     */
    static <T> T exactlyOne(List<T> rulings, Function<T, String> ruleOf, String what) {
        if (rulings.isEmpty()) {
            throw new CeException(ErrorCode.INTERNAL, "No conflict rule decided " + what + ".",
                    "This is a defect in " + ConflictRules.DRL + ": its rules leave this case undecided; add a rule"
                            + " or widen a condition, and add a conflict scenario for the case.");
        }
        if (rulings.size() > 1) {
            throw new CeException(ErrorCode.INTERNAL, "The conflict rules " + rulings.stream().map(ruleOf)
                    .map(rule -> "'" + rule + "'").toList() + " all decided " + what + ".",
                    "This is a defect in " + ConflictRules.DRL + ": make the rules' conditions exclude each other"
                            + " (or guard them with 'not' on the ruling), and add a conflict scenario for the case.");
        }
        return rulings.get(0);
    }
}
