package dev.pce.server.cli;

import dev.pce.engine.workspace.Workspace;
import dev.pce.engine.workspace.WorkspaceLocator;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * What the commands on a workspace share: the --workspace option (defaults to CE_WORKSPACE, the git top-level, or
 * the cwd) and the command's streams.
 */
public final class WorkspaceOption extends CommandStreams {

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "Workspace directory (default: $CE_WORKSPACE, else .ce-workspace at the git top-level, "
                    + "else in the current directory).")
    Path workspace;

    public Workspace open() {
        return Workspace.open(location());
    }

    /** Where the workspace is (or would be), without creating it. */
    public Path location() {
        return (workspace != null ? workspace
                : WorkspaceLocator.locate(System.getenv(), Path.of("").toAbsolutePath())).toAbsolutePath();
    }
}
