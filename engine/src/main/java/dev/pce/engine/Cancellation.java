package dev.pce.engine;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A caller's wish to stop long-running work, and the point after which it can no longer be honoured. The work
 * {@link #check checks} it at safe points (between phases, every so many items) and stops there; right before its
 * first write it {@link #commit commits}: from then on a cancel is refused, and the work finishes and answers.
 * So cancelled work has stored nothing, and work that stored something always reports what it stored.
 *
 * <p>Cooperative on purpose: no thread is interrupted, because an interrupt closes a {@code FileChannel} in the
 * middle of a write. Thread-safe; one instance per request.
 */
public final class Cancellation {
    private static final int RUNNING = 0;
    private static final int CANCELLED = 1;
    private static final int COMMITTED = 2;

    private final AtomicInteger state = new AtomicInteger(RUNNING);

    /** A new signal no one has cancelled (yet). */
    public Cancellation() {
    }

    /** A signal for work no caller can cancel (the command line, tests). */
    public static Cancellation none() {
        return new Cancellation();
    }

    /**
     * Asks the work to stop.
     *
     * @return true when it will stop before writing anything (it had not committed); false when it had committed,
     *         and will finish and answer
     */
    public boolean cancel() {
        return state.compareAndSet(RUNNING, CANCELLED) || state.get() == CANCELLED;
    }

    public boolean isCancelled() {
        return state.get() == CANCELLED;
    }

    /** A safe point: stops the work when it was cancelled. */
    public void check() {
        if (state.get() == CANCELLED) {
            throw new Cancelled();
        }
    }

    /**
     * The point of no return, right before the work's first write: stops the work when it was cancelled, and
     * refuses every later cancel. Committing again does nothing.
     */
    public void commit() {
        if (!state.compareAndSet(RUNNING, COMMITTED) && state.get() == CANCELLED) {
            throw new Cancelled();
        }
    }

    /** Thrown at a safe point of cancelled work: it stopped there and stored nothing. */
    public static final class Cancelled extends RuntimeException {
        private Cancelled() {
            super("cancelled by the caller before anything was stored", null, false, false);
        }
    }
}
