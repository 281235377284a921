package dev.pce.server.cli;

import dev.pce.engine.workspace.Workspace;
import dev.pce.rules.authoring.RuleReloader;
import dev.pce.rules.dependency.DependencyRules;
import dev.pce.server.logging.LoggingSetup;
import dev.pce.server.mcp.ServerProtocol;
import dev.pce.server.tools.ToolCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/** {@code ce serve}: the MCP server on stdin/stdout, until the client closes stdin. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the MCP server over stdio (what Claude Code starts).")
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspaceOption = new WorkspaceOption();

    @Override
    public Integer call() throws InterruptedException {
        // set up the protocol on a second thread while this one opens the workspace and the logs
        CompletableFuture<ServerProtocol> protocol = ServerProtocol.prepareInBackground(ToolCatalog.TOOL_NAMES);
        // stdout carries JSON-RPC alone: keep the real stream for the protocol and send every stray print to stderr.
        OutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        Workspace workspace = workspaceOption.open();
        String logHint = LoggingSetup.configure(workspace.logsDir(), System.getenv(LoggingSetup.LEVEL_VARIABLE));
        // the project's own rules (.ce/rules/) join the built-in ones, reloaded when changed; nothing compiles here
        Optional<RuleReloader> localRules = RuleReloader.startForProject(Path.of("").toAbsolutePath());
        McpSession.run(workspace, protocol, Optional.of(DependencyRules.shared()), Optional.of(System.getenv()),
                System.in, protocolOut, logHint);
        localRules.ifPresent(RuleReloader::close);
        return 0;
    }
}
