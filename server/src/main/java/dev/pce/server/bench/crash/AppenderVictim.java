package dev.pce.server.bench.crash;

import dev.pce.engine.log.AppendWorker;
import dev.pce.server.client.ServerLauncher;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The light victim: an {@link AppendWorker}, the engine's event log code in a JVM of its own that appends until
 * killed and prints {@code ack <seq> <id>} once each event is on disk. It starts in a fraction of a server's time,
 * so most of a run's kills are these.
 */
final class AppenderVictim implements Victim {
    private final String source;
    private final Process process;
    private final Path stderr;
    private final List<Acknowledgement> acknowledged = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstAck = new CountDownLatch(1);
    private final Thread reader;
    /** Whether it was still running when killed: one that had ended did so by itself. */
    private volatile boolean killedRunning;

    private AppenderVictim(String source, Process process, Path stderr) {
        this.source = source;
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(this::readAcks, "acks-" + source);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts an appender on {@code log} that would append a million events. */
    static AppenderVictim start(Path log, String source, Path stderr) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ServerLauncher.javaExecutable().toString());
        command.addAll(ServerLauncher.serverJvmOptions(ServerLauncher.jar()));
        // a killed JVM leaves its perf data file behind: none for these hundreds
        command.addAll(List.of("-Xmx64m", "-XX:-UsePerfData", "-cp", ServerLauncher.jar().toString(), AppendWorker.class.getName(),
                log.toString(), "1000000", source));
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        return new AppenderVictim(source, process, stderr);
    }

    @Override
    public String kind() {
        return "appender";
    }

    @Override
    public boolean awaitFirstAcknowledgement(Duration timeout) throws InterruptedException {
        return firstAck.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void kill() throws InterruptedException {
        killedRunning = process.isAlive();
        process.destroyForcibly();
        process.waitFor();
        reader.join();
    }

    @Override
    public List<Acknowledgement> acknowledged() {
        return List.copyOf(acknowledged);
    }

    /** An appender only stops by itself on an error, which it prints on stderr. */
    @Override
    public List<String> troubles() {
        return killedRunning ? List.of() : List.of(describe());
    }

    @Override
    public String describe() {
        try {
            return source + " (exit " + (process.isAlive() ? "none yet" : process.exitValue()) + "): "
                    + (Files.exists(stderr) ? Files.readString(stderr) : "");
        } catch (IOException e) {
            return source + ": stderr unreadable: " + e;
        }
    }

    /** Only a line with its newline counts: a line cut by the kill was never a promise. */
    private void readAcks() {
        try (InputStream out = new BufferedInputStream(process.getInputStream())) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = out.read()) >= 0) {
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                String[] parts = line.toString(StandardCharsets.UTF_8).split(" ");
                line.reset();
                if (parts.length == 3 && parts[0].equals("ack")) {
                    acknowledged.add(new Acknowledgement.Tick(source, Long.parseLong(parts[1]), parts[2]));
                    firstAck.countDown();
                }
            }
        } catch (IOException e) {
            // killed: what was read is what it acknowledged
        }
    }
}
