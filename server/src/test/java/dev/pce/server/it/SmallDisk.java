package dev.pce.server.it;

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
 * A small file system of its own (tmpfs) that a test can fill to the last byte and empty again. Mounting needs root
 * and the mount command: where either is missing the test is skipped, saying why.
 */
final class SmallDisk implements AutoCloseable {
    private final Path mountPoint;
    private final Path filler;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.filler = mountPoint.resolve("filler");
    }

    /** Mounts a tmpfs of {@code size} (as mount takes it: {@code 4m}) at {@code mountPoint}, or skips the test. */
    static SmallDisk mount(Path mountPoint, String size) throws IOException, InterruptedException {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"),
                "a full disk is simulated with a Linux tmpfs; this is " + System.getProperty("os.name"));
        Files.createDirectories(mountPoint);
        Result mounted = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mountPoint.toString());
        Assumptions.assumeTrue(mounted.exitCode() == 0, () -> "cannot mount a small tmpfs to fill (needs root and"
                + " the mount command; running as " + System.getProperty("user.name") + "): " + mounted.output());
        return new SmallDisk(mountPoint);
    }

    Path root() {
        return mountPoint;
    }

    /** Writes a file until the disk has no byte left, page slack of other files aside. */
    void fill() throws IOException {
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
        try (OutputStream out = Files.newOutputStream(filler, StandardOpenOption.APPEND)) {
            while (true) {
                out.write(0);
                out.flush();
            }
        } catch (IOException full) {
            // the last byte is taken
        }
    }

    /** Gives the space back. */
    void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Result unmounted = run("umount", mountPoint.toString());
        if (unmounted.exitCode() != 0) {
            run("umount", "-l", mountPoint.toString()); // still busy: detach it, it goes when the last user does
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
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, String.join(" ", command) + " did not finish");
        }
        return new Result(process.exitValue(), output);
    }
}
