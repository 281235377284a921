package dev.pce.rules.scenario;

import dev.pce.engine.gate.CriterionResult;
import dev.pce.engine.gate.CriterionSeverity;
import dev.pce.engine.gate.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A criterion a gate scenario expects. Only the fields the scenario gives are compared; {@code reason} is a
 * fragment the reason must contain.
 */
public record ExpectedCriterion(String criterion, Optional<Verdict> verdict, OptionalDouble threshold,
                                OptionalDouble measured, Optional<CriterionSeverity> severity,
                                Optional<Boolean> required, Optional<String> rule, Optional<String> reason,
                                Optional<ExpectedRemediation> remediation) {

    /** What differs from {@code actual}, one line each, prefixed with the criterion's name. */
    List<String> mismatches(CriterionResult actual) {
        List<String> differences = new ArrayList<>();
        verdict.filter(wanted -> wanted != actual.verdict()).ifPresent(wanted ->
                differences.add("verdict: expected " + wanted.wireName() + ", got " + actual.verdict().wireName()));
        if (threshold.isPresent() && threshold.getAsDouble() != actual.threshold()) {
            differences.add("threshold: expected " + threshold.getAsDouble() + ", got " + actual.threshold());
        }
        if (measured.isPresent() && !measured.equals(actual.measured())) {
            differences.add("measured: expected " + measured.getAsDouble() + ", got "
                    + (actual.measured().isPresent() ? actual.measured().getAsDouble() : "nothing"));
        }
        severity.filter(wanted -> wanted != actual.severity()).ifPresent(wanted -> differences.add(
                "severity: expected " + wanted.wireName() + ", got " + actual.severity().wireName()));
        required.filter(wanted -> wanted != actual.required()).ifPresent(wanted ->
                differences.add("required: expected " + wanted + ", got " + actual.required()));
        rule.filter(wanted -> !wanted.equals(actual.rule())).ifPresent(wanted ->
                differences.add("rule: expected " + wanted + ", got " + actual.rule()));
        reason.filter(wanted -> !actual.reason().contains(wanted)).ifPresent(wanted ->
                differences.add("reason does not contain '" + wanted + "'"));
        remediation.ifPresent(wanted -> differences.addAll(wanted.mismatches(actual.remediation())));
        return differences.stream().map(line -> criterion + " " + line).toList();
    }
}
