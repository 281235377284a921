package dev.pce.server.mcp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Gives the memory a large call used back to the system once the server is idle. The server's collector (serial,
 * chosen for start-up) grows the heap for a 100,000-task plan and returns it only in a full collection, which it
 * would not run for a long time: a server that had planned ten such plans held 5.7 GB while 0.2 GB was in use. After
 * the last call ends and none starts for {@link #IDLE}, a heap that grew by more than {@link #GROWTH} since the
 * server started (or since the last such collection) is collected in full, and the JVM shrinks it
 * ({@code -XX:MaxHeapFreeRatio}, {@code -XX:-ShrinkHeapInSteps} in {@code ./ce serve}'s flags). Ordinary calls do not
 * grow the heap, so they never pay for a full collection; a heap that stays large because its workflows are in use
 * is collected again only after it grew again. A request on its way in counts as a call from its first bytes
 * ({@link StdioTransport}): a collection that started while the next 14 MB plan was being read held that plan up by
 * half a second and, run with the plan's tree alive, left the heap twice as large as the server needed afterwards.
 * The heap is the process's, so one instance serves it. Thread-safe.
 */
final class HeapRelease {
    private static final Logger LOG = LoggerFactory.getLogger(HeapRelease.class);
    static final Duration IDLE = Duration.ofSeconds(1);
    static final long GROWTH = 256L << 20;
    static final HeapRelease PROCESS = new HeapRelease();

    private ScheduledExecutorService timer;
    private ScheduledFuture<?> pending;
    private int running;
    /** The heap's size when the server started serving or after the last collection here. */
    private long settled = -1;

    private HeapRelease() {
    }

    /** A call starts: a collection waiting for idleness waits for it too. */
    synchronized void callStarted() {
        if (settled < 0) {
            settled = Runtime.getRuntime().totalMemory();
        }
        running++;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    /** A call ended: once no call runs for {@link #IDLE}, a large heap is collected. */
    synchronized void callEnded() {
        running--;
        if (running == 0 && Runtime.getRuntime().totalMemory() > settled + GROWTH) {
            if (timer == null) {
                timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("pce-heap-release")
                        .daemon().factory());
            }
            pending = timer.schedule(this::releaseIfIdle, IDLE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void releaseIfIdle() {
        synchronized (this) {
            if (running > 0 || pending == null) {
                return; // a call came: it reschedules when it ends
            }
            pending = null;
        }
        long before = Runtime.getRuntime().totalMemory();
        long started = System.nanoTime();
        System.gc();
        synchronized (this) {
            settled = Runtime.getRuntime().totalMemory();
        }
        LOG.info("Idle: the heap went from {} MiB to {} MiB ({} MiB in use) in {} ms", before >> 20,
                Runtime.getRuntime().totalMemory() >> 20,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
                (System.nanoTime() - started) / 1_000_000);
    }
}
