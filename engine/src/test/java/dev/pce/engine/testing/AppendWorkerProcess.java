package dev.pce.engine.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pce.engine.log.AppendWorker;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * An {@link AppendWorker} running in its own JVM. Its stdout lines are collected by a reader thread, so a test can
 * wait for acknowledgements with a timeout; stderr goes to a file that failure messages quote.
 */
public final class AppendWorkerProcess implements AutoCloseable {
    private static final String END = "\u0000end-of-stdout";

    private final String source;
    private final Process process;
    private final Path stderr;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private boolean ended;

    /** One acknowledged append: the event is durable in the log. */
    public record Ack(long seq, String id) {
        static Ack parse(String line) {
            String[] parts = line.split(" ");
            if (parts.length != 3 || !parts[0].equals("ack")) {
                throw new AssertionError("not an ack line: '" + line + "'");
            }
            return new Ack(Long.parseLong(parts[1]), parts[2]);
        }
    }

    private AppendWorkerProcess(String source, Process process, Path stderr) {
        this.source = source;
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(this::pumpStdout, "stdout-" + source);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java -cp <test classpath> AppendWorker <log> <count> <source>}. */
    public static AppendWorkerProcess start(Path log, int count, String source, Path workDir) {
        Path stderr = workDir.resolve(source + ".stderr");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", classpath(), AppendWorker.class.getName(), log.toString(), Integer.toString(count), source);
        try {
            Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            return new AppendWorkerProcess(source, process, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /**
     * The test JVM's classpath. Surefire may run tests from a manifest-only jar, in which case
     * {@code java.class.path} holds just that jar and the real one is in {@code surefire.test.class.path}.
     * Either way it must hold the engine classes and the libraries the worker loads.
     */
    static String classpath() {
        Set<Path> required = Set.of(codeSource(AppendWorker.class), codeSource(ObjectMapper.class),
                codeSource(JsonFactory.class), codeSource(LoggerFactory.class));
        for (String property : List.of("java.class.path", "surefire.test.class.path")) {
            String value = System.getProperty(property);
            if (value != null && entries(value).containsAll(required)) {
                return value;
            }
        }
        throw new AssertionError("no classpath property holds " + required + "; java.class.path="
                + System.getProperty("java.class.path") + ", surefire.test.class.path="
                + System.getProperty("surefire.test.class.path"));
    }

    private static Set<Path> entries(String classpath) {
        return Arrays.stream(classpath.split(File.pathSeparator)).filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().normalize()).collect(Collectors.toSet());
    }

    private static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath()
                    .normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void pumpStdout() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // The process died; what was read so far stays in the queue.
        } finally {
            lines.add(END);
        }
    }

    public String source() {
        return source;
    }

    /** Waits until at least {@code count} acks arrived (or fails); returns every ack read so far. */
    public List<Ack> awaitAcks(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acks().size() < count) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError(source + ": only " + acks().size() + " of " + count + " acks after "
                        + timeout + describe());
            }
            if (line.equals(END)) {
                throw new AssertionError(source + ": stdout ended after " + acks().size() + " acks" + describe());
            }
            seen.add(line);
        }
        return acks();
    }

    /** Waits for the process to end and for its stdout to be read to the end; returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(source + " still running after " + timeout + describe());
        }
        while (!ended) {
            String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new AssertionError(source + ": stdout not closed after the process ended");
            }
            if (line.equals(END)) {
                ended = true;
            } else {
                seen.add(line);
            }
        }
        return process.exitValue();
    }

    /** kill -9, then collect what it had printed before dying. */
    public void kill(Duration timeout) throws InterruptedException {
        process.destroyForcibly();
        awaitExit(timeout);
    }

    /** Every stdout line read so far. */
    public List<String> stdout() {
        return List.copyOf(seen);
    }

    public List<Ack> acks() {
        return seen.stream().filter(line -> line.startsWith("ack ")).map(Ack::parse).toList();
    }

    public String describe() {
        try {
            String errors = Files.exists(stderr) ? Files.readString(stderr) : "";
            return errors.isBlank() ? "" : "; stderr:\n" + errors;
        } catch (IOException e) {
            return "; stderr unreadable: " + e;
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
