package dev.pce.engine;


import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Replaces a file's content all at once: write a sibling temp file, force it, rename it over the target. A reader
 * (a browser, a CI step, another process) sees the old content or the new, never half of it.
 */
public final class AtomicFile {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFile() {
    }

    /** Writes {@code content} to {@code target}; returns the absolute path written. */
    public static Path write(Path target, byte[] content) {
        Path absolute = target.toAbsolutePath().normalize();
        Path dir = absolute.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            // not Files.createTempFile: its owner-only permissions would stay on a file meant to be shared
            temp = dir.resolve("." + absolute.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(dir);
            return absolute;
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new CeException(ErrorCode.IO, "Could not write " + absolute + ": " + e.getMessage() + ".",
                    "Check that its directory is writable and the disk is not full.", e);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // the error being reported matters more than a leftover temp file
        }
    }

    /** Makes a directory's entries durable (a new file is only safe once its directory entry is). */
    public static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open directories; the file data itself was already forced.
        }
    }
}
