package dev.pce.server.mcp;

import dev.pce.engine.Cancellation;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The requests of a session that are being answered. Each has its {@link Cancellation}: a
 * {@code notifications/cancelled} naming its id stops it, and the answer of a request cancelled in time is dropped,
 * as the specification asks. Over stdio they are counted, so the end of input can wait for the answers still due;
 * an HTTP session keeps its tool calls here, and a cancelled one ends its stream without an answer.
 */
final class InFlightRequests {
    private static final Logger LOG = LoggerFactory.getLogger(InFlightRequests.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition allAnswered = lock.newCondition();
    /** By request id; a client may reuse an id while its first request runs, so each id holds a queue. */
    private final Map<String, Deque<Cancellation>> running = new HashMap<>();
    private int count;

    private static final String CANCELLED = "notifications/cancelled";

    /** Whether {@code notification} is {@code notifications/cancelled}. */
    static boolean isCancel(McpSchema.JSONRPCNotification notification) {
        return CANCELLED.equals(notification.method());
    }

    /** The id a {@code notifications/cancelled} names; null when its params name none. */
    static Object cancelledId(McpSchema.JSONRPCNotification cancel) {
        return cancel.params() instanceof Map<?, ?> params ? params.get("requestId") : null;
    }

    /** A request the session will answer; its signal. Initialize's refuses every cancel: it MUST NOT be cancelled. */
    Cancellation started(McpSchema.JSONRPCRequest request) {
        Cancellation cancellation = new Cancellation();
        if (McpSchema.METHOD_INITIALIZE.equals(request.method())) {
            cancellation.commit();
        }
        lock.lock();
        try {
            running.computeIfAbsent(key(request.id()), id -> new ArrayDeque<>()).addLast(cancellation);
            count++;
        } finally {
            lock.unlock();
        }
        return cancellation;
    }

    /** {@code notifications/cancelled}: stops the request {@code requestId} if it is running and stored nothing. */
    void cancel(Object requestId) {
        Deque<Cancellation> signals;
        lock.lock();
        try {
            signals = requestId == null ? null : running.get(key(requestId));
            signals = signals == null ? null : new ArrayDeque<>(signals);
        } finally {
            lock.unlock();
        }
        if (signals == null) {
            LOG.debug("Nothing to cancel under request id {}: it was answered already, or never sent", requestId);
            return;
        }
        for (Cancellation signal : signals) {
            if (signal.cancel()) {
                LOG.info("Request {} cancelled by the client: it stops before storing anything and gets no answer",
                        requestId);
            } else {
                LOG.info("Request {} was not cancelled: it had stored its change, or its answer was on the way, so "
                        + "it is answered", requestId);
            }
        }
    }

    /**
     * Decides whether the answer to request {@code id} goes out: false when the request was cancelled in time (the
     * answer is dropped); true otherwise, and from then on a cancel of it is refused.
     */
    boolean answering(Object id) {
        Cancellation signal;
        lock.lock();
        try {
            Deque<Cancellation> signals = running.get(key(id));
            signal = signals == null ? null : signals.peekFirst();
        } finally {
            lock.unlock();
        }
        if (signal == null) {
            return true; // a request that was not counted (refused before it started)
        }
        try {
            signal.commit();
            return true;
        } catch (Cancellation.Cancelled e) {
            return false;
        }
    }

    /** The request {@code id} is done: its answer was written, or dropped. */
    void finished(Object id) {
        lock.lock();
        try {
            Deque<Cancellation> signals = running.get(key(id));
            if (signals == null) {
                return;
            }
            signals.removeFirst();
            if (signals.isEmpty()) {
                running.remove(key(id));
            }
            if (--count == 0) {
                allAnswered.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code limit} for every request to be answered; true when they were. */
    boolean awaitAnswers(Duration limit) throws InterruptedException {
        lock.lock();
        try {
            long nanos = limit.toNanos();
            while (count > 0 && nanos > 0) {
                nanos = allAnswered.awaitNanos(nanos);
            }
            return count == 0;
        } finally {
            lock.unlock();
        }
    }

    int count() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    /** One key per JSON-RPC id: 7, 7.0 and 7e0 are the same number; "7" is another id. */
    private static String key(Object id) {
        if (id instanceof Number number) {
            try {
                return "#" + new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return "#" + number;
            }
        }
        return "\"" + id;
    }
}
