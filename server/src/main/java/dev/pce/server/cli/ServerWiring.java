package dev.pce.server.cli;

import dev.pce.engine.conflict.ConflictArbiter;
import dev.pce.engine.dependency.DeclaredEdges;
import dev.pce.engine.dependency.DependencyClassifier;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.service.GateJudge;
import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.workspace.Workspace;
import dev.pce.rules.conflict.DroolsConflictArbiter;
import dev.pce.rules.dependency.DependencyRules;
import dev.pce.rules.dependency.DroolsDependencyClassifier;
import dev.pce.rules.dependency.PlanNote;
import dev.pce.rules.gate.DroolsGatePolicy;
import dev.pce.rules.learned.LearnedRules;
import dev.pce.server.knowledge.LearningsAccess;
import dev.pce.server.quality.EvidenceIntake;
import dev.pce.server.quality.EvidenceLocations;
import dev.pce.server.quality.ProjectTypes;
import dev.pce.server.tools.CeTool;
import dev.pce.server.tools.ToolCatalog;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The tools of one server, wired to a workspace's engine, the rules and the vaults: what {@code ce serve} serves,
 * over stdio or HTTP, and what the server's fuzz target serves in-process.
 *
 * @param workflows    the engine on the workspace; closed with the wiring
 * @param learnedRules what earlier workflows taught, as rules (none without rules)
 */
public record ServerWiring(WorkflowService workflows, Optional<LearnedRules> learnedRules, List<CeTool> tools)
        implements AutoCloseable {

    /**
     * @param project   the project the server works for: evidence files must lie in it (or the workspace), and
     *                  its build files tell the project type
     * @param rules     the dependency rules to classify plans with; with them come the gate and conflict rules.
     *                  Empty classifies by declarations only and has no gates or arbiter (the start-up training)
     * @param learnings the vaults, owned by the caller
     */
    public static ServerWiring open(Workspace workspace, Path project, PoolSlots slots,
                                    Optional<DependencyRules> rules, LearningsAccess learnings) {
        Optional<DroolsDependencyClassifier> drools = rules.map(DroolsDependencyClassifier::new);
        DependencyClassifier classifier = drools.<DependencyClassifier>map(c -> c).orElseGet(DeclaredEdges::new);
        Function<List<TaskSpec>, List<PlanNote>> ruleNotes = tasks -> drools
                .map(c -> c.classifyWithNotes(tasks).notes()).orElse(List.of());
        Optional<GateJudge> gates = rules.map(ignored -> new GateJudge(new DroolsGatePolicy(),
                ProjectTypes.detectedOnce(project)));
        Optional<ConflictArbiter> arbiter = rules.map(ignored -> new DroolsConflictArbiter());
        WorkflowService workflows = new WorkflowService(workspace, Clock.systemUTC(), classifier, slots, gates,
                arbiter);
        EvidenceIntake intake = new EvidenceIntake(workflows, new EvidenceLocations(project, workspace.root()));
        Optional<LearnedRules> learnedRules = rules.map(ignored -> LearnedRules.forWorkspace(workspace.root(),
                project));
        List<CeTool> tools = ToolCatalog.create(workflows, learnings, intake, learnedRules, ruleNotes,
                Clock.systemDefaultZone());
        return new ServerWiring(workflows, learnedRules, tools);
    }

    @Override
    public void close() {
        workflows.close();
    }
}
