package dev.pce.rules.gate;

import dev.pce.engine.gate.CriterionResult;
import dev.pce.engine.gate.CriterionSeverity;
import dev.pce.engine.gate.DeferredRequirement;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.EvidenceProblem;
import dev.pce.engine.gate.Finding;
import dev.pce.engine.gate.GateRequest;
import dev.pce.engine.gate.ProjectType;
import dev.pce.engine.gate.Remediation;
import dev.pce.engine.gate.Verdict;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Judges one decided criterion against the evidence: ERROR when evidence meant for its dimension could not be
 * read, else NOT_MEASURED when nothing measured its metric, else PASS or FAIL by its threshold. A criterion of a
 * dimension the request defers is not required at this gate. Adds the
 * remediation task when the criterion needs action.
 */
final class CriterionJudge {
    /** Findings listed in a remediation's description; the files list carries all of them. */
    private static final int FINDINGS_DESCRIBED = 20;

    private final EvidenceIndex evidence;
    private final ProjectType projectType;
    private final Map<Dimension, String> deferred;

    /** @param deferred required dimensions this gate does not wait for, with why (see {@link GateRequest#deferred}) */
    CriterionJudge(EvidenceIndex evidence, ProjectType projectType, List<DeferredRequirement> deferred) {
        this.evidence = evidence;
        this.projectType = projectType;
        this.deferred = new EnumMap<>(Dimension.class);
        deferred.forEach(each -> this.deferred.putIfAbsent(each.dimension(), each.reason()));
    }

    CriterionResult judge(Criterion criterion) {
        OptionalDouble measured = evidence.value(criterion);
        List<EvidenceProblem> problems = evidence.problems(criterion.dimension());
        boolean required = criterion.required() && !deferred.containsKey(criterion.dimension());
        if (!problems.isEmpty()) {
            return result(criterion, required, measured, Verdict.ERROR, unreadable(criterion, problems),
                    Optional.of(repairEvidence(criterion, problems)));
        }
        if (measured.isEmpty()) {
            return result(criterion, required, measured, Verdict.NOT_MEASURED, notMeasured(criterion),
                    required ? Optional.of(provideEvidence(criterion)) : Optional.empty());
        }
        double value = measured.getAsDouble();
        boolean passes = criterion.comparison().holds(value, criterion.threshold());
        String what = criterion.metric() + " is " + criterion.unit().format(value)
                + (passes ? ", " + criterion.bar() + " required" : ", but " + criterion.bar() + " is required");
        return result(criterion, required, measured, passes ? Verdict.PASS : Verdict.FAIL, what,
                passes ? Optional.empty() : Optional.of(fix(criterion, what)));
    }

    /** @param required whether it blocks when not measured: its dimension is required, and not deferred here */
    private static CriterionResult result(Criterion criterion, boolean required, OptionalDouble measured,
                                          Verdict verdict, String what, Optional<Remediation> remediation) {
        // "what" may end a sentence of its own (a reader's "Fix: ... ran before the gate.")
        String reason = (what.endsWith(".") ? what : what + ".") + " Threshold " + criterion.bar() + " from rule '" + criterion.rule() + "': "
                + criterion.reason() + ".";
        boolean actionable = criterion.severity() != CriterionSeverity.INFO;
        return new CriterionResult(criterion.name(), criterion.dimension(), criterion.metric(),
                criterion.comparison(), criterion.threshold(), measured, criterion.severity(), required,
                verdict, criterion.rule(), reason, actionable ? remediation : Optional.empty());
    }

    /** Why a criterion without evidence blocks the gate, or why it does not. */
    private String notMeasured(Criterion criterion) {
        String dimension = criterion.dimension().wireName();
        String none = "No evidence measured " + criterion.metric();
        if (criterion.requiredBy().isEmpty()) {
            return none + "; " + dimension + " is not required for a " + projectType.wireName() + " project, so this"
                    + " blocks nothing (gates.required in .ce/config.yml or .github/ce-config.yml would require it)";
        }
        if (!criterion.required()) {
            return none + "; it is optional, so it is judged only when measured";
        }
        String requiredBy = dimension + " is required (" + criterion.requiredBy().stream()
                .map(Requirement::describe).collect(Collectors.joining("; ")) + ")";
        if (deferred.containsKey(criterion.dimension())) {
            return none + "; " + requiredBy + ", but " + deferred.get(criterion.dimension()) + ", so this gate does"
                    + " not wait for it; the gate after the work that produces it does";
        }
        return none + "; " + requiredBy + ", so the gate blocks until it is measured";
    }

    private static String unreadable(Criterion criterion, List<EvidenceProblem> problems) {
        return "The " + criterion.dimension().wireName() + " evidence could not be read: " + problems.stream()
                .map(problem -> problem.file() + ": " + problem.message()).collect(Collectors.joining("; "));
    }

    /** The same task for every criterion of the dimension, so the gate's remediations list it once. */
    private static Remediation repairEvidence(Criterion criterion, List<EvidenceProblem> problems) {
        String dimension = criterion.dimension().wireName();
        return new Remediation("Repair the " + dimension + " evidence", criterion.evidencePool(),
                problems.stream().map(EvidenceProblem::file).toList(),
                "These files were meant to report on " + dimension + " but could not be read: " + problems.stream()
                        .map(problem -> problem.file() + ": " + problem.message()).collect(Collectors.joining("; "))
                        + ". Regenerate or correct them, then run the gate again.");
    }

    /** The same task for every required criterion of the dimension, so the gate's remediations list it once. */
    private static Remediation provideEvidence(Criterion criterion) {
        String dimension = criterion.dimension().wireName();
        return new Remediation("Provide the " + dimension + " evidence", criterion.evidencePool(), List.of(),
                "The gate has no " + dimension + " evidence, and its required criteria do not pass without it. Run"
                        + " the " + dimension + " check and give its report to the gate, or report the values as an"
                        + " agent.");
    }

    private Remediation fix(Criterion criterion, String what) {
        List<Finding> findings = evidence.findings(criterion);
        StringBuilder description = new StringBuilder(what).append(" (criterion ").append(criterion.name())
                .append(").");
        if (!findings.isEmpty()) {
            description.append(" Findings:");
            findings.stream().limit(FINDINGS_DESCRIBED).forEach(f -> description.append("\n- ").append(line(f)));
            if (findings.size() > FINDINGS_DESCRIBED) {
                description.append("\n- and ").append(findings.size() - FINDINGS_DESCRIBED).append(" more");
            }
        }
        List<String> files = findings.stream().map(Finding::file).filter(file -> !file.isEmpty()).toList();
        return new Remediation(criterion.remediationTitle(), criterion.remediationPool(), files,
                description.toString());
    }

    private static String line(Finding finding) {
        String where = finding.file().isEmpty() ? finding.source()
                : finding.file() + (finding.line() > 0 ? ":" + finding.line() : "");
        return where + " " + finding.severity().wireName() + (finding.rule().isEmpty() ? "" : " " + finding.rule())
                + (finding.message().isEmpty() ? "" : ": " + finding.message());
    }
}
