package dev.pce.server.report;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes a report file all at once: into a temporary sibling, then renamed over the target, so a browser (or a CI
 * job publishing it) never sees half a report.
 */
public final class ReportFile {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReportFile() {
    }

    /** Writes {@code content} to {@code target}; returns the absolute path written. */
    public static Path write(Path target, String content) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "The report file " + absolute + " is a directory.",
                    "Name a file, e.g. --html " + absolute.resolve("report.html") + ".");
        }
        Path dir = absolute.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            // not Files.createTempFile: its owner-only permissions would stay on a report meant to be shared
            temp = dir.resolve("." + absolute.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
            Files.writeString(temp, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return absolute;
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new CeException(ErrorCode.IO, "Could not write the report to " + absolute + ": " + e + ".",
                    "Check that the directory is writable and the disk is not full.", e);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // the write's own error is the one to report
        }
    }
}
