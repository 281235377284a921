package dev.pce.engine.service;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A computation started on a virtual thread while the caller goes on with other work, and joined when its result is
 * needed: on a second core the two overlap. If no thread has taken it up by then, the caller runs it itself, so a
 * busy machine never makes the caller wait for a thread to start.
 */
final class Overlapped<T> {

    private final FutureTask<T> task;

    private Overlapped(FutureTask<T> task) {
        this.task = task;
    }

    /** Starts {@code work} on a virtual thread when {@code worthIt}; otherwise it runs in {@link #join()}. */
    static <T> Overlapped<T> start(Supplier<T> work, boolean worthIt) {
        FutureTask<T> task = new FutureTask<>(work::get);
        if (worthIt) {
            Thread.ofVirtual().name("pce-overlapped").start(task);
        }
        return new Overlapped<>(task);
    }

    /** The result; runs the work here if no thread started it. Its exception, if any, is rethrown as it was. */
    T join() {
        task.run(); // does nothing when another thread has started or finished it
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the work is under way and short: finish waiting, keep the interrupt
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
