package dev.pce.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two real processes in the lock cycle the kernel refuses, as two servers on one workspace met it: this one holds B
 * and asks for A, the other holds A and waits for B.
 */
class ProcessLocksTest {

    @Test
    void aWaitTheKernelRefusesAsADeadlockIsWaitedOutOnceTheOtherProcessMovesOn(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/locks")), "the kernel's deadlock detection is Linux's");
        Path a = Files.createFile(dir.resolve("a.lock"));
        Path b = Files.createFile(dir.resolve("b.lock"));
        Path ready = dir.resolve("ready");
        try (FileChannel bChannel = open(b); FileChannel aChannel = open(a)) {
            FileLock heldB = bChannel.lock();
            Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), HoldsAWaitsForB.class.getName(),
                    a.toString(), b.toString(), ready.toString()).inheritIO().start();
            try {
                waitUntilBlocked(other, ready);
                // the premise: a plain wait closes the cycle and the kernel refuses it
                assertThatThrownBy(aChannel::lock).isInstanceOf(IOException.class)
                        .satisfies(e -> assertThat(ProcessLocks.refusedAsDeadlock((IOException) e)).isTrue());

                CompletableFuture<Boolean> locked = CompletableFuture.supplyAsync(() -> {
                    try (FileLock lock = ProcessLocks.lock(aChannel)) {
                        return lock.isValid();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                heldB.release(); // the other process takes B, finishes, and lets A go
                assertThat(locked.get(2, TimeUnit.MINUTES)).isTrue();
                assertThat(other.waitFor(2, TimeUnit.MINUTES)).isTrue();
                assertThat(other.exitValue()).isZero();
            } finally {
                other.destroyForcibly();
            }
        }
    }

    /** Blocks until the other process holds A and waits in the kernel for B (a "->" line of /proc/locks). */
    private static void waitUntilBlocked(Process other, Path ready) throws Exception {
        while (!Files.exists(ready) || Files.readAllLines(Path.of("/proc/locks")).stream()
                .noneMatch(line -> line.contains("->") && line.contains(" " + other.pid() + " "))) {
            assertThat(other.isAlive()).as("the other process is alive").isTrue();
            Thread.sleep(20);
        }
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.WRITE);
    }

    /** The other process: holds A, says so, then waits for B. */
    public static final class HoldsAWaitsForB {
        public static void main(String[] args) throws IOException {
            try (FileChannel a = open(Path.of(args[0])); FileLock heldA = a.lock();
                 FileChannel b = open(Path.of(args[1]))) {
                Files.createFile(Path.of(args[2]));
                try (FileLock heldB = b.lock()) {
                    System.out.println("held both: " + heldA.isValid() + " " + heldB.isValid());
                }
            }
        }
    }
}
