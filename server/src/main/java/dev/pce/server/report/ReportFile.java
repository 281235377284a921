package dev.pce.server.report;

import dev.pce.engine.AtomicFile;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a report file all at once ({@link AtomicFile}), so a browser (or a CI job publishing it) never sees half
 * a report; a directory given as the file is refused with a clear error.
 */
public final class ReportFile {
    private ReportFile() {
    }

    /** Writes {@code content} to {@code target}; returns the absolute path written. */
    public static Path write(Path target, String content) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "The report file " + absolute + " is a directory.",
                    "Name a file, e.g. --html " + absolute.resolve("report.html") + ".");
        }
        return AtomicFile.write(absolute, content.getBytes(StandardCharsets.UTF_8));
    }
}
