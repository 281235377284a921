package dev.pce.server.cli;

import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.workspace.Workspace;
import dev.pce.server.Version;
import dev.pce.server.logging.LoggingSetup;
import dev.pce.server.mcp.PceMcpServer;
import dev.pce.server.tools.ToolCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code ce serve}: the MCP server on stdin/stdout, until the client closes stdin. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the MCP server over stdio (what Claude Code starts).")
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspaceOption = new WorkspaceOption();

    @Override
    public Integer call() throws InterruptedException {
        // stdout carries JSON-RPC alone: keep the real stream for the protocol and send every stray print to stderr.
        OutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        Workspace workspace = workspaceOption.open();
        String logHint = LoggingSetup.configure(workspace.logsDir(), System.getenv(LoggingSetup.LEVEL_VARIABLE));
        Logger log = LoggerFactory.getLogger(ServeCommand.class);
        log.info("Workspace {}", workspace.root());
        WorkflowService workflows = new WorkflowService(workspace, Clock.systemUTC());
        CountDownLatch clientGone = new CountDownLatch(1);
        PceMcpServer server = PceMcpServer.start(ToolCatalog.create(workflows), System.in, protocolOut,
                Version.current(), logHint, clientGone::countDown);
        clientGone.await();
        log.info("Client closed the connection; shutting down.");
        server.close();
        workflows.close();
        return 0;
    }
}
