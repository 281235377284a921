package dev.pce.server.mcp;

import dev.pce.engine.Cancellation;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import reactor.util.context.Context;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Hands what the transport knows of a request to the tool that answers it, through the exchange's transport
 * context: the request's cancellation signal and, over HTTP, the log of the session that sent it, so the records
 * the tool makes go to that session's client alone. A request without a signal gets one no one cancels.
 */
final class RequestContext {
    private static final String CANCELLATION = "pce.cancellation";
    private static final String CLIENT_LOG = "pce.client-log";

    private RequestContext() {
    }

    /** Over stdio: the Reactor context to handle a request in, which the SDK's session passes on to the tool. */
    static Context carrying(Cancellation cancellation) {
        return Context.of(McpTransportContext.KEY, of(cancellation, Optional.empty()));
    }

    /** The transport context of a request: its signal, and the log of its session's client if it has its own. */
    static McpTransportContext of(Cancellation cancellation, Optional<ClientLog.Client> clientLog) {
        Map<String, Object> context = new HashMap<>();
        context.put(CANCELLATION, cancellation);
        clientLog.ifPresent(log -> context.put(CLIENT_LOG, log));
        return McpTransportContext.create(context);
    }

    /** The signal of the request being handled. */
    static Cancellation cancellation(McpSyncServerExchange exchange) {
        return exchange.transportContext().get(CANCELLATION) instanceof Cancellation cancellation ? cancellation
                : Cancellation.none();
    }

    /** Runs {@code call} for the request being handled, its log records going to its session's client. */
    static <T> T logged(McpSyncServerExchange exchange, Supplier<T> call) {
        return exchange.transportContext().get(CLIENT_LOG) instanceof ClientLog.Client log ? log.working(call)
                : call.get();
    }
}
