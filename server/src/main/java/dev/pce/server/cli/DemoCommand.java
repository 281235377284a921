package dev.pce.server.cli;

import dev.pce.engine.service.WorkflowPhase;
import dev.pce.engine.service.WorkflowStatus;
import dev.pce.engine.workspace.Workspace;
import dev.pce.server.demo.DemoRun;
import dev.pce.server.logging.LoggingSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ce demo}: the whole loop on a throwaway workspace in a few seconds. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Plan a small feature and let simulated planner, builder and reviewer agents "
        + "work it off in parallel through the MCP tools, on a throwaway workspace.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--keep", description = "Keep the demo workspace and print where it is.")
    boolean keep;

    @Option(names = "--ms-per-minute", defaultValue = "15", paramLabel = "MS",
            description = "Milliseconds of simulated work per estimated minute (default ${DEFAULT-VALUE}).")
    double millisPerMinute;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LoggingSetup.configureForCli();
        PrintWriter out = spec.commandLine().getOut();
        Path workspace = Files.createTempDirectory("pce-demo-").resolve(".ce-workspace");
        out.println("PCE demo: workspace " + workspace);
        WorkflowStatus status;
        try {
            status = new DemoRun(workspace, millisPerMinute, out).run();
        } finally {
            if (keep) {
                out.println("Kept the workspace; inspect it with: CE_WORKSPACE=" + workspace + " ./ce status");
                out.println("Its metrics, as a page with a timeline: CE_WORKSPACE=" + workspace
                        + " ./ce report --html report.html");
            } else {
                Workspace.deleteTree(workspace.getParent());
            }
            out.flush();
        }
        return status.phase() == WorkflowPhase.COMPLETED ? 0 : 1;
    }
}
