package dev.pce.server.cli;

import dev.pce.engine.dependency.DeclaredEdges;
import dev.pce.engine.schedule.PoolSlots;
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
    /** Agents per pool for the schedule estimates, e.g. {@code builders=4,reviewers=3}; defaults otherwise. */
    static final String POOLS_VARIABLE = "CE_POOLS";

    private McpSession() {
    }

    static void run(Workspace workspace, CompletableFuture<ServerProtocol> protocol, InputStream in,
                    OutputStream out, String logHint) throws InterruptedException {
        LOG.info("Workspace {}", workspace.root());
        PoolSlots slots = PoolSlots.parse(System.getenv().getOrDefault(POOLS_VARIABLE, ""));
        LOG.info("Pool slots {}", slots.slots());
        try (WorkflowService workflows = new WorkflowService(workspace, Clock.systemUTC(), new DeclaredEdges(), slots)) {
            CountDownLatch clientGone = new CountDownLatch(1);
            PceMcpServer server = PceMcpServer.start(protocol.join(), ToolCatalog.create(workflows), in, out,
                    Version.current(), logHint, clientGone::countDown);
            clientGone.await();
            LOG.info("Client closed the connection; shutting down.");
            server.close();
        }
    }
}
