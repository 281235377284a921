package dev.pce.server.tools;

import dev.pce.engine.Cancellation;
import dev.pce.engine.Limits;
import dev.pce.engine.event.EvidenceReported;
import dev.pce.engine.evidence.EvidenceIntake;
import dev.pce.engine.evidence.EvidenceLocations;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Finding;
import dev.pce.engine.gate.Measurement;
import dev.pce.engine.service.WorkflowService;

import java.util.ArrayList;
import java.util.List;

/**
 * ce_gate_report: an agent reports quality evidence for a workflow's gates: measured values and findings of one
 * dimension (what it checked by hand or with a tool PCE does not read), and/or evidence files. A later report by
 * the same agent on the same dimension replaces its earlier one.
 */
public final class GateReportTool implements CeTool {
    private static final int MAX_ITEMS = 1_000;

    private final WorkflowService workflows;
    private final EvidenceLocations evidenceScope;

    /** @param evidenceScope where the evidence files may lie: the project and the workspace */
    public GateReportTool(WorkflowService workflows, EvidenceLocations evidenceScope) {
        this.workflows = workflows;
        this.evidenceScope = evidenceScope;
    }

    @Override
    public String name() {
        return ToolName.CE_GATE_REPORT.wireName();
    }

    /** What ce_gate_report answers. */
    public record Output(String workflowId, String key, int measurements, int findings,
                         List<EvidenceIntake.FileRead> evidenceRead, long evidenceSeq) {
    }

    @Override
    public ToolOutput call(ToolArgs args) {
        String workflowId = CommonArgs.workflowId(args);
        String agent = CommonArgs.agent(args);
        Dimension dimension = FindingArgs.dimension(args);
        String source = "agent:" + agent;
        List<Measurement> measurements = new ArrayList<>();
        for (ToolArgs item : args.optionalObjectList("measurements", MAX_ITEMS)) {
            String metric = item.requiredText("metric", 128).strip();
            if (!metric.startsWith(dimension.wireName() + ".")) {
                throw ToolArgs.invalid(item.where("metric") + " is '" + metric + "', not a " + dimension.wireName()
                        + " metric.", "Name " + dimension.wireName() + " metrics '" + dimension.wireName()
                        + ".<what>' (e.g. " + example(dimension) + "), or report the other dimension separately.");
            }
            measurements.add(new Measurement(dimension, metric, item.number("value"), source));
        }
        List<Finding> findings = FindingArgs.findings(args, "findings", dimension, source);
        List<String> files = args.stringList("files", GateTool.MAX_EVIDENCE_PATHS, Limits.MAX_PATH_LENGTH);
        if (measurements.isEmpty() && findings.isEmpty() && files.isEmpty()) {
            throw ToolArgs.invalid("The report has no measurements, findings or files.",
                    "Report at least one measured value, finding or evidence file.");
        }
        String key = source + ":" + dimension.wireName();
        workflows.plannedTasks(workflowId); // an unknown workflow is refused before anything is stored
        List<EvidenceIntake.FileRead> read = workflows.reportEvidenceFiles(workflowId, files, evidenceScope, "files",
                agent, Cancellation.none()).files();
        long seq = workflows.reportEvidence(workflowId,
                new EvidenceReported(key, measurements, findings, List.of(), List.of()), agent);
        return ToolOutput.json(new Output(workflowId, key, measurements.size(), findings.size(), read, seq));
    }

    private static String example(Dimension dimension) {
        return switch (dimension) {
            case TESTS -> "tests.failed";
            case COVERAGE -> "coverage.line";
            case REVIEW -> "review.approvals";
            case PERFORMANCE -> "performance.regression";
            default -> dimension.wireName() + ".high";
        };
    }
}
