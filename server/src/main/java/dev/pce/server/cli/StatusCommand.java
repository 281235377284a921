package dev.pce.server.cli;

import dev.pce.engine.Json;
import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.workspace.Workspace;
import dev.pce.server.report.StatusText;
import dev.pce.server.wiring.CommandWiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ce status [ID]}: the workspace's workflows, or one in detail. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show all workflows of the workspace, or one in detail.")
public final class StatusCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspaceOption;

    @Parameters(arity = "0..1", paramLabel = "WORKFLOW_ID", description = "Show this workflow in detail.")
    String workflowId;

    @Option(names = "--json", description = "Print JSON (the ce_status tool's structured result).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Workspace workspace = workspaceOption.open();
        PrintWriter out = workspaceOption.out();
        try (WorkflowService workflows = CommandWiring.withoutRules(workspace)) {
            if (workflowId == null) {
                var list = workflows.list();
                out.print(json ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(list) + "\n"
                        : "Workspace " + workspace.root() + "\n" + StatusText.listing(list));
            } else {
                var status = workflows.status(workflowId);
                out.print(json ? Json.mapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(Map.of("workflow", status)) + "\n"
                        : StatusText.detail(status));
            }
        }
        out.flush();
        return 0;
    }
}
