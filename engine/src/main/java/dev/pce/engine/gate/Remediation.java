package dev.pce.engine.gate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A task that would make a criterion pass, ready to be planned into the workflow.
 *
 * @param title       what to do, as a task title
 * @param pool        the agent pool that does it ("builders" fixes code, "reviewers" reviews)
 * @param files       the files concerned (failing tests, locations of findings, unreadable evidence), without
 *                    duplicates, in the order the evidence named them; empty when the evidence names none
 * @param description why, with the measured value, the threshold and the findings, for the agent doing it
 */
public record Remediation(String title, String pool, List<String> files, String description) {

    public Remediation {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(description, "description");
        files = List.copyOf(new LinkedHashSet<>(files));
    }
}
