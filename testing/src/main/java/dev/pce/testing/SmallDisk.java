package dev.pce.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real, small file system of its own (Linux tmpfs) that a test fills to the last byte and empties again, to run
 * out of space for real. Mounting needs root (or CAP_SYS_ADMIN) and the mount command: where either is missing the
 * test is skipped, saying why.
 */
public final class SmallDisk implements AutoCloseable {
    private final Path mountPoint;
    private final Path filler;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.filler = mountPoint.resolve("filler");
    }

    /** Mounts a tmpfs of {@code size} (as mount takes it: {@code 256k}, {@code 4m}) at {@code mountPoint}, or skips. */
    public static SmallDisk mount(Path mountPoint, String size) throws IOException, InterruptedException {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"),
                "a full disk is simulated with a Linux tmpfs; this is " + System.getProperty("os.name"));
        Files.createDirectories(mountPoint);
        Result mounted = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mountPoint.toString());
        Assumptions.assumeTrue(mounted.exitCode() == 0, () -> "cannot mount a small tmpfs to fill (needs root and"
                + " the mount command; running as " + System.getProperty("user.name") + "): " + mounted.output()
                + "; disk-full behaviour is tested where the tests run as root on Linux");
        return new SmallDisk(mountPoint);
    }

    public Path root() {
        return mountPoint;
    }

    /** Writes a filler file until the disk has no byte left, page slack of other files aside. */
    public void fill() throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            requireNoSpace(full);
        }
        // the last block may have gone in partly; a byte at a time takes what is left
        try (OutputStream out = Files.newOutputStream(filler, StandardOpenOption.APPEND)) {
            while (true) {
                out.write(0);
                out.flush();
            }
        } catch (IOException full) {
            requireNoSpace(full);
        }
    }

    /** Gives the space taken by {@link #fill} back. */
    public void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    @Override
    public void close() throws IOException {
        try {
            Result unmounted = run("umount", mountPoint.toString());
            if (unmounted.exitCode() != 0) {
                run("umount", "-l", mountPoint.toString()); // still busy: detach it, it goes when the last user does
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the run is being stopped: keep the interrupt for it
        }
    }

    private static void requireNoSpace(IOException error) throws IOException {
        if (!String.valueOf(error.getMessage()).contains("No space left")) {
            throw error;
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
        // waited for first, so a hanging command cannot hang the test; mount says a line at most, the pipe holds it
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, String.join(" ", command) + " did not finish");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return new Result(process.exitValue(), output);
    }
}
