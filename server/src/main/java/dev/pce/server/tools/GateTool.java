package dev.pce.server.tools;

import dev.pce.engine.Cancellation;
import dev.pce.engine.Limits;
import dev.pce.engine.evidence.EvidenceIntake;
import dev.pce.engine.evidence.EvidenceLocations;
import dev.pce.engine.gate.ProjectType;
import dev.pce.engine.model.Ids;
import dev.pce.engine.service.GateOutcome;
import dev.pce.engine.service.WorkflowService;

import java.util.List;
import java.util.Optional;

/**
 * ce_gate: reads the evidence files given, then judges the gate after the workflow's current wave (or the final
 * gate): every criterion with its measured value, threshold and verdict, and a remediation task in the plan for
 * each that needs action.
 */
public final class GateTool implements CeTool {
    static final int MAX_EVIDENCE_PATHS = 50;

    private final WorkflowService workflows;
    private final EvidenceLocations evidenceScope;

    /** @param evidenceScope where the evidence files may lie: the project and the workspace */
    public GateTool(WorkflowService workflows, EvidenceLocations evidenceScope) {
        this.workflows = workflows;
        this.evidenceScope = evidenceScope;
    }

    @Override
    public String name() {
        return ToolName.CE_GATE.wireName();
    }

    /** What ce_gate answers: the evidence read now and the verdict. */
    public record Output(List<EvidenceIntake.FileRead> evidenceRead, GateOutcome gate) {
    }

    @Override
    public ToolOutput call(ToolArgs args) {
        return call(args, Cancellation.none());
    }

    /**
     * Stops, storing nothing, when cancelled before the first report is stored: reading a directory of reports can
     * take long.
     */
    @Override
    public ToolOutput call(ToolArgs args, Cancellation cancellation) {
        String workflowId = CommonArgs.workflowId(args);
        String agent = args.optionalString("agent", Limits.MAX_ID_LENGTH)
                .map(name -> Ids.requireName(name, args.where("agent"))).orElse("gate");
        Optional<ProjectType> type = args.optionalString("project_type", 16).map(text -> {
            try {
                return ProjectType.parse(text);
            } catch (IllegalArgumentException e) {
                throw ToolArgs.invalid(args.where("project_type") + " is '" + text + "'.",
                        "Use one of " + ProjectType.allowedNames() + ", or leave it out to detect it.");
            }
        });
        List<String> paths = args.stringList("evidence", MAX_EVIDENCE_PATHS, Limits.MAX_PATH_LENGTH);
        workflows.plannedTasks(workflowId); // an unknown workflow is refused before any file is read
        List<EvidenceIntake.FileRead> read = workflows.reportEvidenceFiles(workflowId, paths, evidenceScope,
                "evidence", agent, cancellation).files();
        return ToolOutput.json(new Output(read, workflows.evaluateGate(workflowId, agent, type, cancellation)));
    }
}
