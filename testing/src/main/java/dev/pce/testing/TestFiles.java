package dev.pce.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files a test sets up, written as a person would: missing directories created on the way. */
public final class TestFiles {

    private TestFiles() {
    }

    /** Writes {@code text} (UTF-8) to {@code file}, creating its directories; returns the file. */
    public static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
