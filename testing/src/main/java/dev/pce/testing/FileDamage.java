package dev.pce.testing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Damage done to a file from outside PCE, the way the security review did it to event logs. */
public final class FileDamage {

    private FileDamage() {
    }

    /** The byte offset where line {@code line} (1-based) of {@code file} starts. */
    public static long lineStart(Path file, int line) throws IOException {
        if (line == 1) {
            return 0;
        }
        byte[] bytes = Files.readAllBytes(file);
        int seen = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' && ++seen == line) {
                return i + 1;
            }
        }
        throw new AssertionError(file + " has fewer than " + line + " lines");
    }

    /** Shortens {@code file} to {@code size} bytes in place (the same file, as a tool outside PCE would). */
    public static void cut(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }
}
