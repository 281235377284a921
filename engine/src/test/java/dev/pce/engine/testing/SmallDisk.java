package dev.pce.engine.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real, small file system (Linux tmpfs) mounted for one test, to run out of space for real. Mounting needs root
 * (or CAP_SYS_ADMIN); where it is refused the test is skipped and says why.
 */
public final class SmallDisk implements AutoCloseable {
    private final Path mountPoint;
    private final Path filler;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.filler = mountPoint.resolve("filler");
    }

    /** Mounts a tmpfs of {@code kib} KiB at {@code mountPoint} (created), or skips the test. */
    public static SmallDisk mount(Path mountPoint, int kib) throws IOException, InterruptedException {
        Files.createDirectories(mountPoint);
        String result = run("mount", "-t", "tmpfs", "-o", "size=" + kib + "k", "tmpfs", mountPoint.toString());
        Assumptions.assumeTrue(result.isEmpty(), "cannot mount a small tmpfs to fill up (" + result
                + "); disk-full behaviour is tested where the tests run as root on Linux");
        return new SmallDisk(mountPoint);
    }

    public Path root() {
        return mountPoint;
    }

    /** Writes a filler file until the disk is full. */
    public void fill() throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            if (!full.getMessage().contains("No space left on device")) {
                throw full;
            }
        }
        // the last block may have gone in partly; a byte at a time takes what is left
        try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
            while (true) {
                out.write(0);
                out.flush();
            }
        } catch (IOException full) {
            if (!full.getMessage().contains("No space left on device")) {
                throw full;
            }
        }
    }

    /** Gives the space taken by {@link #fill} back. */
    public void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", mountPoint.toString());
    }

    /** Runs a command; empty when it succeeded, else what it printed. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return String.join(" ", command) + " did not finish";
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return process.exitValue() == 0 ? "" : output.isEmpty() ? "exit code " + process.exitValue() : output;
    }
}
