package dev.pce.server.wiring;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.dependency.DeclaredEdges;
import dev.pce.engine.evidence.EvidenceLocations;
import dev.pce.engine.learning.insight.experiment.CaptureProcess;
import dev.pce.engine.dependency.DependencyClassifier;
import dev.pce.engine.gate.GatePolicy;
import dev.pce.engine.learning.PatternStore;
import dev.pce.engine.learning.WorkflowLearner;
import dev.pce.engine.pools.PoolHistory;
import dev.pce.engine.pools.PoolHistoryReader;
import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.workspace.Workspace;
import dev.pce.pkm.knowledge.VaultKnowledgeStore;
import dev.pce.pkm.knowledge.VaultSource;
import dev.pce.pkm.knowledge.VaultSources;
import dev.pce.rules.conflict.DroolsConflictArbiter;
import dev.pce.rules.dependency.DependencyRules;
import dev.pce.rules.dependency.DroolsDependencyClassifier;
import dev.pce.rules.gate.DroolsGatePolicy;
import dev.pce.rules.gate.GateThresholdBounds;
import dev.pce.rules.learned.LearnedRules;
import dev.pce.server.quality.ProjectSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine a {@code ce} command works with, built beside the server's ({@link ServerWiring}), so that every entry
 * point gets its engine from this package. A command builds only what it uses: no command compiles the dependency
 * rules, and only {@code ce gate} needs the gate rules.
 */
public final class CommandWiring {

    private CommandWiring() {
    }

    /**
     * The engine without rules, for the commands that read, report and learn ({@code ce status}, {@code ce plan},
     * {@code ce learn}): plans classified by their declarations, the default pools, no gates, no arbiter.
     */
    public static WorkflowService withoutRules(Workspace workspace) {
        return new WorkflowService(workspace, Clock.systemUTC());
    }

    /**
     * The engine {@code ce edit} changes a plan with: its edits classified by the dependency rules, as
     * {@code ce_plan}'s and {@code ce_edit}'s are; the project's pools ({@code CE_POOLS} over them) for the ETA.
     */
    public static WorkflowService withDependencyRules(Workspace workspace, ProjectSettings project,
                                                      Map<String, String> environment) {
        return new WorkflowService(workspace, Clock.systemUTC(), ruleClassifier(), project.poolSlots(environment));
    }

    /**
     * The engine {@code ce gate --workflow} judges a workflow's gate with: the project's pools ({@code CE_POOLS} in
     * {@code environment} over them) and its gate rules; plans classified by their declarations, no arbiter.
     */
    public static WorkflowService withGateRules(Workspace workspace, ProjectSettings project,
                                                Map<String, String> environment) {
        return new WorkflowService(workspace, Clock.systemUTC(), new DeclaredEdges(), project.poolSlots(environment),
                Optional.of(project.gateJudge()));
    }

    /**
     * The learned rules of the workspace at {@code workspaceRoot} for the project the command runs in (the current
     * directory), as {@code ce serve} finds them.
     */
    public static LearnedRules learnedRules(Path workspaceRoot) {
        return LearnedRules.forWorkspace(workspaceRoot, Path.of("").toAbsolutePath());
    }

    /** The learned patterns of the workspace at {@code workspaceRoot}, as {@code ce_learn} stores them. */
    public static PatternStore learnedPatterns(Path workspaceRoot) {
        return PatternStore.inWorkspace(workspaceRoot);
    }

    /**
     * What the workspace's newest finished workflows say about its pools and kinds of task, read as {@code ce_plan}'s
     * pool recommendation reads it: for {@code ce simulate}'s learned failure and rework rates.
     */
    public static PoolHistory poolHistory(Workspace workspace) {
        return new PoolHistoryReader(workspace).read(Clock.systemUTC().instant());
    }

    /** The dependency classification {@code ce_plan} uses, with the built-in and the project's rules. */
    public static DependencyClassifier ruleClassifier() {
        return new DroolsDependencyClassifier(DependencyRules.shared());
    }

    /** The gate rules alone, for {@code ce gate} on evidence files without a workflow. */
    public static GatePolicy gateRules() {
        return new DroolsGatePolicy();
    }

    /**
     * What {@code ce learn} works with: the engine without rules, the project's vaults (opened now),
     * and the learner that writes patterns, notes and learned rules from them.
     */
    public static Learning learning(Workspace workspace, Map<String, String> environment) {
        WorkflowService workflows = withoutRules(workspace);
        try {
            ProjectSettings project = ProjectSettings.of(Path.of("").toAbsolutePath());
            VaultKnowledgeStore vaults = VaultKnowledgeStore.openNow(workspace, ProjectVaults.sources(workspace,
                    project, environment));
            WorkflowLearner learner = new WorkflowLearner(workflows, vaults,
                    Optional.of(learnedRules(workspace.root())), new GateThresholdBounds(project::config,
                    new DroolsGatePolicy()), Clock.systemDefaultZone());
            return new Learning(workflows, vaults, learner);
        } catch (RuntimeException | Error e) {
            workflows.close();
            throw e;
        }
    }

    /**
     * One process of {@code ce experiment capture} on the workspace {@code dir/workspace} of a project at
     * {@code dir/project}, composed as {@code ce serve} composes the server: the dependency rules' classification, the
     * project's pools and gate rules, the conflict rules, and the project's vault (opened now), on {@code clock}.
     * Automatic capture is the experiment's to start.
     */
    public static CaptureProcess captureProcess(Path dir, Clock clock) {
        Path projectRoot = dir.resolve("project");
        try {
            Files.createDirectories(projectRoot);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the experiment's project folder " + projectRoot, e);
        }
        Workspace workspace = Workspace.open(dir.resolve("workspace"));
        ProjectSettings project = ProjectSettings.of(projectRoot);
        WorkflowService workflows = new WorkflowService(workspace, clock, ruleClassifier(),
                project.poolSlots(Map.of()), Optional.of(project.gateJudge()),
                Optional.of(new DroolsConflictArbiter()));
        try {
            List<VaultSource> sources = ProjectVaults.sources(workspace, project, Map.of());
            VaultKnowledgeStore vault = VaultKnowledgeStore.openNow(workspace, sources);
            Path own = sources.stream().filter(VaultSource::own).findFirst().orElseThrow().root();
            return new CaptureProcess(workflows, vault, own,
                    new EvidenceLocations(projectRoot, workspace.root()), projectRoot, () -> {
                        try (workflows) {
                            vault.close();
                        }
                    });
        } catch (RuntimeException | Error e) {
            workflows.close();
            throw e;
        }
    }

    /**
     * The project's own vault for {@code ce note}, found as every entry point finds it ({@code CE_VAULT} in
     * {@code environment}, else the project's configuration, else the workspace's), opened now and indexed, so a
     * move finds every note that links to its note. Other projects' vaults are left out: they are only read.
     *
     * @throws CeException {@code INVALID_ARGUMENT} when the vault's folder does not exist (it is never created here)
     */
    public static VaultKnowledgeStore ownVault(Workspace workspace, Map<String, String> environment) {
        List<VaultSource> own = ProjectVaults.sources(workspace, ProjectSettings.of(Path.of("").toAbsolutePath()),
                environment).stream().filter(VaultSource::own).toList();
        for (VaultSource source : own) {
            if (!Files.isDirectory(source.root())) {
                throw new CeException(ErrorCode.INVALID_ARGUMENT, "The project's vault " + source.root()
                        + " does not exist.", "Name the vault with --vault DIR or " + VaultSources.VAULT_VARIABLE
                        + " (or 'vault' in .ce/config.yml).");
            }
        }
        VaultKnowledgeStore store = VaultKnowledgeStore.openNow(workspace, own);
        try {
            store.awaitIndexed();
            return store;
        } catch (RuntimeException | Error e) {
            store.close();
            throw e;
        }
    }

    /** The engine, the vaults and the learner of one {@code ce learn}; closing it closes the engine and vaults. */
    public record Learning(WorkflowService workflows, VaultKnowledgeStore vaults, WorkflowLearner learner)
            implements AutoCloseable {
        @Override
        public void close() {
            try (workflows) {
                vaults.close();
            }
        }
    }
}
