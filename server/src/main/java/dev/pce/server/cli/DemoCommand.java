package dev.pce.server.cli;

import dev.pce.engine.service.WorkflowPhase;
import dev.pce.engine.service.WorkflowStatus;
import dev.pce.engine.workspace.Workspace;
import dev.pce.engine.workspace.WorkspaceLocator;
import dev.pce.server.demo.DemoFailure;
import dev.pce.server.demo.DemoRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code ce demo}: the whole loop in a few seconds, on a throwaway workspace unless the user names one
 * ({@code --workspace} or {@code CE_WORKSPACE}); a workspace the user named is theirs and is never deleted.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Plan three features and let simulated "
        + "planner, builder and reviewer agents work it off in parallel through the MCP tools, on a throwaway "
        + "workspace (or the one --workspace or $CE_WORKSPACE names, which is kept).")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--keep", description = "Keep the throwaway workspace and print where it is.")
    boolean keep;

    @Option(names = "--ms-per-minute", defaultValue = "25", paramLabel = "MS",
            description = "Milliseconds of simulated work per estimated minute, above 0 (default ${DEFAULT-VALUE}).")
    double millisPerMinute;

    @Option(names = "--workspace", paramLabel = "DIR", description = "Run the demo in this workspace and keep it "
            + "(default: $CE_WORKSPACE, also kept; else a throwaway workspace, deleted at the end unless --keep).")
    Path workspace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(millisPerMinute > 0) || Double.isInfinite(millisPerMinute)) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT, "Invalid value for option "
                    + "'--ms-per-minute': %s; give the milliseconds of simulated work per estimated minute, a "
                    + "number above 0 (the default is 25).", spec.findOption("--ms-per-minute").originalStringValues()
                    .getLast()));
        }
        PrintWriter out = spec.commandLine().getOut();
        Optional<Path> named = workspace != null ? Optional.of(workspace.toAbsolutePath().normalize())
                : WorkspaceLocator.configured(System.getenv(), Path.of("").toAbsolutePath());
        Path root = named.orElse(Files.createTempDirectory("pce-demo-").resolve(".ce-workspace"));
        out.println("PCE demo: workspace " + root + (named.isPresent() ? " (yours: it is kept)" : ""));
        boolean kept = keep || named.isPresent();
        try {
            WorkflowStatus status = new DemoRun(root, millisPerMinute, out).run();
            return status.phase() == WorkflowPhase.COMPLETED ? 0 : 1;
        } catch (DemoFailure e) {
            kept = true; // its logs say what happened
            PrintWriter err = spec.commandLine().getErr();
            err.println("ce: the demo stopped: " + e.getMessage() + " Its servers were stopped; the workspace is "
                    + "kept for a look: " + root);
            err.flush();
            return 1;
        } finally {
            if (kept) {
                out.println("Kept the workspace; inspect it with: CE_WORKSPACE=" + root + " ./ce status");
                out.println("Its metrics, as a page with a timeline: CE_WORKSPACE=" + root
                        + " ./ce report --html report.html");
            } else {
                Workspace.deleteTree(root.getParent());
            }
            out.flush();
        }
    }
}
