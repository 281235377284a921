package dev.pce.server.cli;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The files through which a step of a GitHub Actions job talks back: {@code $GITHUB_OUTPUT} (the step's outputs, as
 * {@code name=value} lines) and {@code $GITHUB_STEP_SUMMARY} (markdown shown on the run's page).
 */
final class GitHubFiles {
    static final String OUTPUT = "GITHUB_OUTPUT";
    static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

    private GitHubFiles() {
    }

    /** Appends {@code text} to the file {@code variable} names. */
    static void append(String variable, String text) {
        String file = System.getenv(variable);
        if (file == null || file.isBlank()) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "$" + variable + " is not set.",
                    "GitHub Actions sets it in every job; outside one, set it to a file to write to.");
        }
        try {
            Files.writeString(Path.of(file), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO, "Cannot append to $" + variable + " (" + file + "): "
                    + e.getMessage(), "Check that the file can be written.", e);
        }
    }
}
