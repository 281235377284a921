package dev.pce.engine.merge;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.workspace.Workspace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Replaces a file's content all at once: write a sibling temp file, force it, rename it over the target. */
final class AtomicFile {

    private AtomicFile() {
    }

    static void write(Path target, byte[] content) {
        Path absolute = target.toAbsolutePath().normalize();
        Path dir = absolute.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Workspace.syncDirectory(dir);
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
}
