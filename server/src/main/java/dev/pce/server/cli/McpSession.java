package dev.pce.server.cli;

import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.workspace.Workspace;
import dev.pce.server.Version;
import dev.pce.server.mcp.PceMcpServer;
import dev.pce.server.mcp.ServerProtocol;
import dev.pce.server.tools.ToolCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/** One MCP session: PCE's tools on a workspace, served on the given streams until the client closes its end. */
final class McpSession {
    private static final Logger LOG = LoggerFactory.getLogger(McpSession.class);

    private McpSession() {
    }

    static void run(Workspace workspace, CompletableFuture<ServerProtocol> protocol, InputStream in,
                    OutputStream out, String logHint) throws InterruptedException {
        LOG.info("Workspace {}", workspace.root());
        try (WorkflowService workflows = new WorkflowService(workspace, Clock.systemUTC())) {
            CountDownLatch clientGone = new CountDownLatch(1);
            PceMcpServer server = PceMcpServer.start(protocol.join(), ToolCatalog.create(workflows), in, out,
                    Version.current(), logHint, clientGone::countDown);
            clientGone.await();
            LOG.info("Client closed the connection; shutting down.");
            server.close();
        }
    }
}
