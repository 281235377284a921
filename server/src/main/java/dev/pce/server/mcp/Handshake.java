package dev.pce.server.mcp;

import io.modelcontextprotocol.spec.McpSchema;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The MCP lifecycle of a stdio session, where the SDK's session falls short of the specification: it leaves every
 * request before {@code initialize} unanswered, not even with an error, and every request after it too until the
 * client sends {@code notifications/initialized}, which a client may never do. PCE answers a request that comes
 * before {@code initialize} itself (a ping with an empty result, pings being allowed at any time; anything else
 * with an error saying to initialize first), and once {@code initialize} is answered, it tells the session that the
 * client is initialized.
 */
final class Handshake {
    private volatile boolean begun;
    private volatile Object initializeId;
    private final AtomicBoolean completed = new AtomicBoolean();

    /** PCE's own answer to a request that came before {@code initialize}; empty for every other request. */
    Optional<McpSchema.JSONRPCResponse> beforeInitialize(McpSchema.JSONRPCRequest request) {
        if (McpSchema.METHOD_INITIALIZE.equals(request.method())) {
            initializeId = request.id();
            begun = true;
            return Optional.empty();
        }
        if (begun) {
            return Optional.empty();
        }
        if (McpSchema.METHOD_PING.equals(request.method())) {
            return Optional.of(McpSchema.JSONRPCResponse.result(request.id(), Map.of()));
        }
        return Optional.of(McpSchema.JSONRPCResponse.error(request.id(), new McpSchema.JSONRPCResponse.JSONRPCError(
                McpSchema.ErrorCodes.INVALID_REQUEST, "The server is not initialized: '" + request.method()
                + "' came before 'initialize'. Send 'initialize' first (then 'notifications/initialized'), then "
                + "this request again.")));
    }

    /** True once, for the successful answer to {@code initialize}: the session is then told the client is ready. */
    boolean completedBy(McpSchema.JSONRPCResponse answer) {
        return answer.error() == null && begun && Objects.equals(answer.id(), initializeId)
                && completed.compareAndSet(false, true);
    }
}
