package dev.pce.server.quality;

import dev.pce.engine.evidence.EvidenceIntake;
import dev.pce.engine.gate.CriterionResult;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Evidence;
import dev.pce.engine.gate.Finding;
import dev.pce.engine.gate.Remediation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What one {@code ce gate} run judged, for its table, its annotations and {@code --json}: the criteria of the
 * judged dimensions (all, or those {@code --dimension} selected) and whether they block, the failing tests and the
 * findings of those dimensions with their files relative to the repository, and the files read.
 *
 * @param gate         "quality" for evidence files alone, else the workflow's gate ("wave-0", ..., "pr")
 * @param workflowId   the workflow judged, with {@code --workflow}
 * @param dimensions   the dimensions judged
 * @param blocking     whether a criterion of the judged dimensions blocks: the command's exit code
 * @param blockers     the criteria that block
 * @param failingTests the tests that failed or ended in an error, when tests are judged
 * @param findings     the lint, security, review, docs and performance findings of the judged dimensions
 * @param evidenceRead the evidence files read, with the dimensions each reports on, or its problem
 */
public record GateVerdict(String gate, Optional<String> workflowId, String projectType, List<Dimension> dimensions,
                          boolean blocking, List<String> blockers, List<CriterionResult> criteria,
                          List<FailingTest> failingTests, List<Finding> findings,
                          List<EvidenceIntake.FileRead> evidenceRead) {
    /** The gate of evidence files judged alone, without a workflow. */
    public static final String FILES_GATE = "quality";

    public GateVerdict {
        dimensions = List.copyOf(dimensions);
        blockers = List.copyOf(blockers);
        criteria = List.copyOf(criteria);
        failingTests = List.copyOf(failingTests);
        findings = List.copyOf(findings);
        evidenceRead = List.copyOf(evidenceRead);
    }

    /**
     * @param selection the dimensions to judge; empty judges every dimension the gate has
     * @param criteria  every criterion the gate judged
     * @param evidence  the evidence read, whose failing tests and findings are reported
     */
    public static GateVerdict of(String gate, Optional<String> workflowId, String projectType,
                                 Set<Dimension> selection, List<CriterionResult> criteria, Evidence evidence,
                                 List<EvidenceIntake.FileRead> read, RepoPaths paths) {
        List<CriterionResult> judged = criteria.stream()
                .filter(c -> selection.isEmpty() || selection.contains(c.dimension()))
                .map(c -> withRelativeFiles(c, paths)).toList();
        Set<Dimension> dimensions = EnumSet.noneOf(Dimension.class);
        judged.forEach(c -> dimensions.add(c.dimension()));
        dimensions.addAll(selection);
        TestFiles testFiles = new TestFiles(paths);
        List<FailingTest> failing = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Finding finding : evidence.findings()) {
            if (!dimensions.contains(finding.dimension())) {
                continue;
            }
            if (finding.dimension() == Dimension.TESTS) {
                failing.add(new FailingTest(finding.rule(), testFiles.of(finding),
                        finding.line() > 0 ? OptionalInt.of(finding.line()) : OptionalInt.empty(), finding.message(),
                        paths.relative(finding.source())));
            } else {
                findings.add(new Finding(finding.dimension(), finding.rule(), finding.severity(),
                        paths.relative(finding.file()), finding.line(), finding.endLine(), finding.message(),
                        paths.relative(finding.source())));
            }
        }
        List<EvidenceIntake.FileRead> files = read.stream().map(file -> new EvidenceIntake.FileRead(
                paths.relative(file.file()), file.dimensions(), file.measurements(), file.findings(),
                file.problem())).toList();
        return new GateVerdict(gate, workflowId, projectType, List.copyOf(dimensions),
                judged.stream().anyMatch(CriterionResult::blocks),
                judged.stream().filter(CriterionResult::blocks).map(CriterionResult::criterion).toList(), judged,
                failing, findings, files);
    }

    /** {@code c} with its remediation's files relative to the repository, as annotations and people want them. */
    private static CriterionResult withRelativeFiles(CriterionResult c, RepoPaths paths) {
        return new CriterionResult(c.criterion(), c.dimension(), c.metric(), c.comparison(), c.threshold(),
                c.measured(), c.severity(), c.required(), c.verdict(), c.rule(), c.reason(),
                c.remediation().map(fix -> new Remediation(fix.title(), fix.pool(),
                        fix.files().stream().map(paths::relative).toList(), fix.description())));
    }

    /** "Quality gate: tests, coverage (library)", "Gate wave-0 of wf-... (service)". */
    String title() {
        String scope = workflowId.map(id -> "Gate " + gate + " of " + id).orElse("Quality gate");
        boolean all = dimensions.size() == Dimension.values().length;
        return scope + (all ? "" : ": " + String.join(", ", dimensions.stream().map(Dimension::wireName).toList()))
                + " (" + projectType + ")";
    }
}
