package dev.pce.rules.scenario;

import java.util.Arrays;
import java.util.Locale;

/** Which rules a scenario file tests: its top-level {@code rules}, {@code dependencies} when absent. */
public enum RuleSet {
    /** rules/dependencies.drl: given tasks, expect edges. */
    DEPENDENCIES,
    /** rules/gates.drl: given a project type and evidence, expect criteria verdicts. */
    GATES,
    /** rules/conflicts.drl: given contenders, reviews or a running task, expect the resolution. */
    CONFLICTS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RuleSet parse(String text) {
        for (RuleSet set : values()) {
            if (set.wireName().equalsIgnoreCase(text.strip())) {
                return set;
            }
        }
        throw new IllegalArgumentException("unknown rules '" + text + "'; use one of "
                + Arrays.stream(values()).map(RuleSet::wireName).toList());
    }
}
