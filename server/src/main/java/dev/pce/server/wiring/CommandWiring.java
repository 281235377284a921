package dev.pce.server.wiring;

import dev.pce.engine.dependency.DeclaredEdges;
import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.workspace.Workspace;
import dev.pce.server.quality.ProjectSettings;

import java.time.Clock;
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
     * The engine {@code ce gate --workflow} judges a workflow's gate with: the project's pools ({@code CE_POOLS} in
     * {@code environment} over them) and its gate rules; plans classified by their declarations, no arbiter.
     */
    public static WorkflowService withGateRules(Workspace workspace, ProjectSettings project,
                                                Map<String, String> environment) {
        return new WorkflowService(workspace, Clock.systemUTC(), new DeclaredEdges(), project.poolSlots(environment),
                Optional.of(project.gateJudge()));
    }
}
