package dev.pce.engine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Takes a file lock that other processes respect, waiting as long as it takes.
 *
 * <p>On Linux a file lock belongs to the process, not the thread, and the kernel refuses a wait that would close a
 * cycle of processes waiting for each other ("Resource deadlock avoided", EDEADLK). With several threads per
 * process that cycle is often no deadlock: server A's request thread waits for workflow X's event log, which
 * server B's request thread holds, while B's capture thread waits for a lock A's capture thread holds. B's request
 * thread finishes and releases X all the same; but the kernel only sees "A waits for B, B waits for A" and fails
 * the wait. So a refused wait is retried by polling without waiting in the kernel ({@code tryLock}), which the
 * kernel never refuses: the holders finish their short sections and the lock comes free.
 */
public final class ProcessLocks {
    /** How long to poll for a lock the kernel would not let us wait for before reporting it as a failure. */
    private static final long GIVE_UP_NANOS = TimeUnit.MINUTES.toNanos(2);
    private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private ProcessLocks() {
    }

    /**
     * The lock of the whole of {@code channel}'s file, exclusive.
     *
     * @throws IOException as {@link FileChannel#lock()}, or when the lock stayed taken for two minutes after the
     *                     kernel refused to wait for it
     */
    public static FileLock lock(FileChannel channel) throws IOException {
        try {
            return channel.lock();
        } catch (IOException e) {
            if (!refusedAsDeadlock(e)) {
                throw e;
            }
            return poll(channel, e);
        }
    }

    /** Whether the kernel refused to wait because processes would be waiting for each other (EDEADLK). */
    static boolean refusedAsDeadlock(IOException e) {
        String message = e.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("deadlock");
    }

    private static FileLock poll(FileChannel channel, IOException refused) throws IOException {
        long start = System.nanoTime();
        long pause = TimeUnit.MICROSECONDS.toNanos(200);
        while (System.nanoTime() - start < GIVE_UP_NANOS) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(MAX_PAUSE_NANOS, pause * 2);
        }
        throw refused;
    }
}
