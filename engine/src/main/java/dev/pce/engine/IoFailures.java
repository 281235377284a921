package dev.pce.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Turns a failed file operation into an error a person can act on. A full disk gets its own message: it is the one
 * cause a user can fix at once, and one that otherwise reads like a locking or permission problem.
 */
public final class IoFailures {
    /** How operating systems word a full disk or an exhausted quota (Linux and macOS, then Windows). */
    private static final List<String> DISK_FULL = List.of("no space left on device", "disk quota exceeded",
            "not enough space on the disk");

    private IoFailures() {
    }

    /** Whether {@code e}, or an exception it wraps, says the disk (or the user's quota) is full. */
    public static boolean isDiskFull(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null) {
                String lower = message.toLowerCase(Locale.ROOT);
                if (DISK_FULL.stream().anyMatch(lower::contains)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The error for {@code action} (a phrase after "Could not", such as "append to event log /x/events.jsonl")
     * failing on a file in {@code dir}.
     *
     * @param outcome what the failure left behind, as a sentence ("Nothing was recorded."), or empty
     */
    public static CeException failed(String action, Path dir, IOException e, String outcome) {
        String after = outcome.isEmpty() ? "" : " " + outcome;
        if (isDiskFull(e)) {
            return new CeException(ErrorCode.IO, "Could not " + action + ": the disk is full (" + e.getMessage()
                    + ")." + after, "Free space on the disk that holds " + dir + " (df -h " + dir
                    + " shows how much is left), then retry.", e);
        }
        return new CeException(ErrorCode.IO, "Could not " + action + ": " + e.getMessage() + "." + after,
                "Check that " + dir + " exists and is writable, and that its disk is not full or failing.", e);
    }
}
