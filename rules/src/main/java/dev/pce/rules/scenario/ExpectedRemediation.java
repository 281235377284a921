package dev.pce.rules.scenario;

import dev.pce.engine.gate.Remediation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** What a gate scenario expects of a criterion's remediation: none, or a task with the fields given. */
public sealed interface ExpectedRemediation {

    /** What differs from {@code actual}, one line each. */
    List<String> mismatches(Optional<Remediation> actual);

    /** The criterion needs no action: no remediation. */
    record None() implements ExpectedRemediation {
        @Override
        public List<String> mismatches(Optional<Remediation> actual) {
            return actual.map(task -> List.of("remediation: expected none, got '" + task.title() + "'"))
                    .orElse(List.of());
        }
    }

    /** A remediation task; {@code files} compare as a set (any order). */
    record Task(Optional<String> pool, Optional<String> title, Optional<List<String>> files)
            implements ExpectedRemediation {
        @Override
        public List<String> mismatches(Optional<Remediation> actual) {
            if (actual.isEmpty()) {
                return List.of("remediation: expected a task, got none");
            }
            Remediation task = actual.get();
            List<String> mismatches = new ArrayList<>();
            pool.filter(wanted -> !wanted.equals(task.pool())).ifPresent(wanted ->
                    mismatches.add("remediation pool: expected " + wanted + ", got " + task.pool()));
            title.filter(wanted -> !wanted.equals(task.title())).ifPresent(wanted ->
                    mismatches.add("remediation title: expected '" + wanted + "', got '" + task.title() + "'"));
            files.filter(wanted -> !new HashSet<>(wanted).equals(new HashSet<>(task.files()))).ifPresent(wanted ->
                    mismatches.add("remediation files: expected " + wanted + ", got " + task.files()));
            return mismatches;
        }
    }
}
