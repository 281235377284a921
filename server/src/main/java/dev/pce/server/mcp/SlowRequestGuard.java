package dev.pce.server.mcp;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Closes each connection whose request comes too slowly: a request must be in, head and body, within
 * {@link HttpLimits#request()} of its first byte, plus a second for each {@link HttpLimits#bodyRate()} bytes
 * received. Jetty's idle timeout closes a connection on which nothing moves; one that sends a byte now and then
 * (slowloris) it never closes, and while such a client's body comes, a thread waits for it. Once the body is in, the
 * request runs as long as it takes: a tool call, a GET's event stream.
 *
 * <p>A sweep looks at every connection a few times a second; a connection's bytes are counted by Jetty.
 */
final class SlowRequestGuard extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger(SlowRequestGuard.class);

    private final long allowanceNanos;
    private final long nanosPerByte;
    private final Duration sweepEvery;
    private final Map<Connection, Watch> watches = new ConcurrentHashMap<>();
    private final Connection.Listener connections = new Connection.Listener() {
        @Override
        public void onOpened(Connection connection) {
            watches.put(connection, new Watch(connection));
        }

        @Override
        public void onClosed(Connection connection) {
            watches.remove(connection);
        }
    };
    private ScheduledExecutorService sweeper;

    SlowRequestGuard(HttpLimits limits, Handler next) {
        super(next);
        this.allowanceNanos = limits.request().toNanos();
        this.nanosPerByte = Math.max(1, 1_000_000_000L / limits.bodyRate());
        this.sweepEvery = limits.request().dividedBy(4).compareTo(Duration.ofSeconds(1)) < 0
                ? limits.request().dividedBy(4) : Duration.ofSeconds(1);
    }

    /** What the connector must tell of each connection it opens and closes. */
    Connection.Listener connections() {
        return connections;
    }

    @Override
    protected void doStart() throws Exception {
        sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("pce-http-slow-requests")
                .daemon().factory());
        long period = Math.max(10, sweepEvery.toMillis());
        sweeper.scheduleAtFixedRate(this::sweep, period, period, TimeUnit.MILLISECONDS);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        sweeper.shutdownNow();
        super.doStop();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Watch watch = watches.get(request.getConnectionMetaData().getConnection());
        if (watch == null) {
            return super.handle(request, response, callback);
        }
        boolean body = hasBody(request);
        watch.headIn(body, System.nanoTime());
        Callback answered = new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                watch.answered(); // before the next request of the connection can start
                super.succeeded();
            }

            @Override
            public void failed(Throwable failure) {
                watch.answered();
                super.failed(failure);
            }
        };
        boolean handled = super.handle(body ? new BodyRead(request, watch) : request, response, answered);
        if (!handled) {
            watch.answered();
        }
        return handled;
    }

    private static boolean hasBody(Request request) {
        return request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH) > 0
                || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING, HttpHeaderValue.CHUNKED.asString());
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            int closed = 0;
            for (Watch watch : watches.values()) {
                // removed at once: the connection closes a moment later, and is counted once
                if (watch.overdue(now, allowanceNanos, nanosPerByte) && watches.remove(watch.connection, watch)) {
                    watch.connection.getEndPoint().close(new TimeoutException("request too slow"));
                    closed++;
                }
            }
            if (closed > 0) {
                LOG.warn("Closed {} connection(s) whose request did not come within {} ms of its first byte (plus a "
                        + "second per {} bytes received)", closed, allowanceNanos / 1_000_000,
                        1_000_000_000L / nanosPerByte);
            }
        } catch (RuntimeException e) {
            LOG.error("The sweep of slow HTTP requests failed; it runs again", e);
        }
    }

    /** The request, telling its watch once its whole body is read. */
    private static final class BodyRead extends Request.Wrapper {
        private final Watch watch;

        BodyRead(Request request, Watch watch) {
            super(request);
            this.watch = watch;
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = super.read();
            if (chunk != null && chunk.isLast()) {
                watch.bodyIn();
            }
            return chunk;
        }
    }

    /**
     * One connection between its requests, while a request comes, and while one is answered. Only the first two
     * have a deadline, counted from the request's first byte (a byte more than the connection had when it became
     * ready for the request).
     */
    private static final class Watch {
        private final Connection connection;
        private boolean arriving = true;
        private boolean begun;
        private long readyAtBytes;
        private long firstByteNanos;

        Watch(Connection connection) {
            this.connection = connection;
        }

        synchronized void headIn(boolean body, long now) {
            if (!begun) {
                begun = true; // came whole between two sweeps
                firstByteNanos = now;
            }
            arriving = body;
        }

        synchronized void bodyIn() {
            arriving = false;
        }

        synchronized void answered() {
            arriving = true;
            readyAtBytes = connection.getBytesIn();
            begun = false;
        }

        synchronized boolean overdue(long now, long allowanceNanos, long nanosPerByte) {
            if (!arriving) {
                return false;
            }
            long received = connection.getBytesIn() - readyAtBytes;
            if (!begun) {
                begun = received > 0;
                firstByteNanos = now;
                return false;
            }
            return now - firstByteNanos > allowanceNanos + received * nanosPerByte;
        }
    }
}
