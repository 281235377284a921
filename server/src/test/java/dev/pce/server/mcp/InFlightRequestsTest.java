package dev.pce.server.mcp;

import dev.pce.engine.Cancellation;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Which answers go out after notifications/cancelled, and when the end of input has nothing left to wait for. */
class InFlightRequestsTest {
    private final InFlightRequests inFlight = new InFlightRequests();

    @Test
    void aRequestCancelledBeforeItsAnswerIsDroppedWhateverTheIdsNumberSpelling() throws InterruptedException {
        Cancellation signal = inFlight.started(request(7, "tools/call"));
        inFlight.cancel(7.0); // the same JSON-RPC id, as a client may spell it

        assertThat(signal.isCancelled()).isTrue();
        assertThat(inFlight.answering(7)).isFalse();
        assertThat(inFlight.awaitAnswers(Duration.ZERO)).as("still counted until finished").isFalse();
        inFlight.finished(7);
        assertThat(inFlight.awaitAnswers(Duration.ZERO)).isTrue();
    }

    @Test
    void aCancelThatComesOnceTheAnswerIsOnItsWayIsRefused() {
        Cancellation signal = inFlight.started(request("a", "tools/list"));
        assertThat(inFlight.answering("a")).isTrue();
        inFlight.cancel("a");

        assertThat(signal.isCancelled()).isFalse();
    }

    @Test
    void initializeCannotBeCancelledAndAStringIdIsNotTheNumber() {
        Cancellation init = inFlight.started(request(1, McpSchema.METHOD_INITIALIZE));
        Cancellation other = inFlight.started(request("1", "ping"));
        inFlight.cancel(1);

        assertThat(init.isCancelled()).as("initialize MUST NOT be cancelled").isFalse();
        assertThat(other.isCancelled()).as("the id \"1\" is not the id 1").isFalse();
        assertThat(inFlight.answering(1)).isTrue();
        assertThat(inFlight.answering("1")).isTrue();
    }

    private static McpSchema.JSONRPCRequest request(Object id, String method) {
        return new McpSchema.JSONRPCRequest(McpSchema.JSONRPC_VERSION, method, id, null);
    }
}
