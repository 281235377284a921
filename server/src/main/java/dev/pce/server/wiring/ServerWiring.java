package dev.pce.server.wiring;

import dev.pce.engine.conflict.ConflictArbiter;
import dev.pce.engine.dependency.DeclaredEdges;
import dev.pce.engine.dependency.DependencyClassifier;
import dev.pce.engine.evidence.EvidenceLocations;
import dev.pce.engine.learning.PlanDecider;
import dev.pce.engine.learning.insight.AutomaticCapture;
import dev.pce.engine.dependency.PlanNote;
import dev.pce.engine.learning.ThresholdBounds;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.pools.SizingPolicy;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.service.GateJudge;
import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.workspace.Workspace;
import dev.pce.pkm.knowledge.VaultKnowledgeStore;
import dev.pce.rules.conflict.DroolsConflictArbiter;
import dev.pce.rules.dependency.DependencyRules;
import dev.pce.rules.dependency.DroolsDependencyClassifier;
import dev.pce.rules.gate.DroolsGatePolicy;
import dev.pce.rules.gate.GateThresholdBounds;
import dev.pce.rules.learned.LearnedRuleStore;
import dev.pce.rules.learned.LearnedPlanDecider;
import dev.pce.rules.learned.LearnedRules;
import dev.pce.server.quality.ProjectSettings;
import dev.pce.server.tools.CeTool;
import dev.pce.server.tools.ToolCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The tools of one server, wired to a workspace's engine, the rules and the vaults: what {@code ce serve} serves,
 * over stdio or HTTP, and what the server's fuzz target serves in-process.
 *
 * @param workflows    the engine on the workspace; closed with the wiring
 * @param learnedRules what earlier workflows taught, as rules (none without rules)
 * @param capture      the automatic capture of insight notes (none without rules, or when the project turns it
 *                     off); closed with the wiring. Its catch-up waits for the caller ({@link #catchUpWhen})
 */
public record ServerWiring(WorkflowService workflows, Optional<LearnedRules> learnedRules, List<CeTool> tools,
                           Optional<AutomaticCapture> capture) implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerWiring.class);

    /**
     * @param project     the project the server works for: evidence files must lie in it (or the workspace), its
     *                    build files tell the project type, its configuration files the pools and the gates
     * @param environment where {@code CE_POOLS} is looked up (it wins over the project's pools)
     * @param rules       the dependency rules to classify plans with; with them come the gate and conflict rules.
     *                    Empty classifies by declarations only and has no gates or arbiter (the start-up training)
     * @param learnings   the vaults, owned by the caller
     * @throws dev.pce.engine.CeException {@code INVALID_ARGUMENT} when a configuration file or {@code CE_POOLS} is
     *                                    not valid
     */
    public static ServerWiring open(Workspace workspace, ProjectSettings project, Map<String, String> environment,
                                    Optional<DependencyRules> rules, VaultKnowledgeStore learnings) {
        PoolSlots slots = project.poolSlots(environment);
        LOG.info("Pool slots {}", slots.slots());
        Optional<DroolsDependencyClassifier> drools = rules.map(DroolsDependencyClassifier::new);
        DependencyClassifier classifier = drools.<DependencyClassifier>map(c -> c).orElseGet(DeclaredEdges::new);
        Function<List<TaskSpec>, List<PlanNote>> ruleNotes = tasks -> drools
                .map(c -> c.classifyWithNotes(tasks).notes()).orElse(List.of());
        Optional<GateJudge> gates = rules.map(ignored -> project.gateJudge());
        Optional<LearnedRules> learnedRules = rules.map(ignored -> LearnedRules.forWorkspace(workspace.root(),
                project.root()));
        // a learned escalation preference that decides a review conflict is named with its version
        Optional<ConflictArbiter> arbiter = learnedRules.map(learned -> new DroolsConflictArbiter(
                () -> learned.versionInForce().map(v -> OptionalInt.of(v.version())).orElse(OptionalInt.empty())));
        WorkflowService workflows = new WorkflowService(workspace, Clock.systemUTC(), classifier, slots, gates,
                arbiter);
        EvidenceLocations evidenceScope = new EvidenceLocations(project.root(), workspace.root());
        // before the server serves: the rules' first build holds the learned rules, and whoever waits for it waits
        // for them (compiling nothing now)
        learnedRules.ifPresent(LearnedRules::joinNextBuilds);
        SizingPolicy sizing = project.sizingPolicy();
        LOG.info("Pool sizing {}", sizing);
        ThresholdBounds bounds = rules.<ThresholdBounds>map(ignored -> new GateThresholdBounds(project::config,
                new DroolsGatePolicy())).orElse(ThresholdBounds.NONE);
        // the learned rules decide a plan's estimates and early reviews through the dependency rules
        PlanDecider decider = drools.flatMap(rulesClassifier -> learnedRules.<PlanDecider>map(
                learned -> new LearnedPlanDecider(rulesClassifier, learned))).orElse(PlanDecider.NONE);
        List<CeTool> tools = ToolCatalog.create(workflows, learnings, evidenceScope, learnedRules, bounds, ruleNotes,
                decider, sizing, project.splitSuggestions(), Clock.systemDefaultZone());
        Optional<AutomaticCapture> capture = rules.isPresent() && project.automaticCapture()
                ? Optional.of(AutomaticCapture.start(workflows, learnings, ZoneId.systemDefault()))
                : Optional.empty();
        return new ServerWiring(workflows, learnedRules, tools, capture);
    }

    /**
     * Once {@code ready} completes (the vaults open then), captures in the background what earlier processes left
     * uncaptured.
     */
    public void catchUpWhen(CompletionStage<?> ready) {
        capture.ifPresent(automatic -> ready.thenRun(automatic::catchUp));
    }

    /**
     * The files of the learned rules' current version in {@code workspace}, asked for at every build: what a hot
     * reload of the project's own rules layers over them, so the learned rules stay in force.
     */
    public static Supplier<List<Path>> learnedRuleFiles(Workspace workspace) {
        LearnedRuleStore store = LearnedRuleStore.inWorkspace(workspace.root());
        return store::currentRuleFiles;
    }

    @Override
    public void close() {
        try (workflows) {
            capture.ifPresent(AutomaticCapture::close);
        }
    }
}
