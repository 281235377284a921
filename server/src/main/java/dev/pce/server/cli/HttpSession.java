package dev.pce.server.cli;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.pkm.knowledge.VaultKnowledgeStore;
import dev.pce.server.mcp.Version;
import dev.pce.server.mcp.HttpEndpoint;
import dev.pce.server.mcp.HttpSessions;
import dev.pce.server.mcp.PceMcpServer;
import dev.pce.server.mcp.SdkErrorBodies;
import dev.pce.server.mcp.ServerProtocol;
import dev.pce.server.mcp.Serving;
import dev.pce.server.tools.CeTool;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;

import java.util.List;

/**
 * The server over Streamable HTTP until the process is stopped. A class of its own so that a stdio server never
 * links it: the servlet classes it needs live in the on-demand jar, which stdio start-up leaves closed.
 */
final class HttpSession {
    private HttpSession() {
    }

    /** Serves {@code tools} at {@code http}; runs {@code whenServing} once requests are accepted. */
    static void serve(ServerProtocol protocol, List<CeTool> tools, VaultKnowledgeStore learnings, Serving.Http http,
                      String logHint, Runnable whenServing) throws InterruptedException {
        // the transport's mapper also writes the SDK servlet's own error answers: as JSON-RPC errors
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider
                .builder().jsonMapper(SdkErrorBodies.transportMapper(protocol.mapper()))
                .contextExtractor(HttpEndpoint::transportContext)
                .mcpEndpoint(HttpEndpoint.PATH).maxRequestSize(PceMcpServer.MAX_MESSAGE_BYTES).build();
        HttpSessions sessions = HttpSessions.around(transport, tools, learnings);
        PceMcpServer server = PceMcpServer.startHttp(protocol, tools, learnings, sessions, Version.current(),
                logHint);
        whenServing.run();
        try (HttpEndpoint endpoint = HttpEndpoint.start(http, transport, sessions, protocol.jsonMapper())) {
            // stdout is free in HTTP mode: the address, for people and scripts (port 0 picks one)
            System.out.println("PCE MCP server on " + endpoint.uri());
            System.out.flush();
            endpoint.join();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new CeException(ErrorCode.IO, "Cannot serve HTTP on " + http.address() + ": " + e.getMessage(),
                    "Choose a free port, or one this user may bind.", e);
        } finally {
            server.close();
        }
    }
}
