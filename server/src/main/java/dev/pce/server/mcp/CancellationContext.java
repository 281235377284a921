package dev.pce.server.mcp;

import dev.pce.engine.Cancellation;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import reactor.util.context.Context;

import java.util.Map;

/**
 * Hands a request's cancellation signal from the transport, which sees the request id, to the tool that runs it:
 * through the Reactor context of the session's handling, which the SDK passes on as the exchange's transport
 * context. A request without one (the HTTP transport's) gets a signal no one cancels.
 */
final class CancellationContext {
    private static final String KEY = "pce.cancellation";

    private CancellationContext() {
    }

    /** The context to handle a request in, carrying its signal. */
    static Context carrying(Cancellation cancellation) {
        return Context.of(McpTransportContext.KEY, McpTransportContext.create(Map.of(KEY, cancellation)));
    }

    /** The signal of the request being handled. */
    static Cancellation of(McpSyncServerExchange exchange) {
        return exchange.transportContext().get(KEY) instanceof Cancellation cancellation ? cancellation
                : Cancellation.none();
    }
}
