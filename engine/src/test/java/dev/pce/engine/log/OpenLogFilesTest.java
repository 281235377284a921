package dev.pce.engine.log;

import dev.pce.engine.event.Event;
import dev.pce.engine.testing.AppendWorkerProcess;
import dev.pce.engine.testing.Ticks;
import dev.pce.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A process that touches thousands of logs keeps few open, and closing idle ones never drops a held lock. */
class OpenLogFilesTest {
    private static final Path OWN_DESCRIPTORS = Path.of("/proc/self/fd");
    /** Descriptors the test JVM may open meanwhile for itself (class files, reports). */
    private static final int SLACK = 16;

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.standard();

    @Test
    void manyMoreLogsInUseThanTheCapHoldABoundedNumberOfDescriptorsAndEachStillWorks() throws IOException {
        assumeTrue(Files.isDirectory(OWN_DESCRIPTORS), "counts descriptors in /proc/self/fd (Linux)");
        long before = openDescriptors();
        List<EventLog> logs = new ArrayList<>();
        int count = 8 * OpenLogFiles.CAP; // DamagedLogIT has a server touch 2,000 workflows
        for (int i = 0; i < count; i++) {
            Path file = dir.resolve("log-" + i + ".jsonl");
            EventLog.create(file);
            EventLog log = EventLog.open(file, clock);
            Ticks.append(log, 1);
            logs.add(log);
        }

        long during = openDescriptors() - before;

        // each log file and its acknowledgement mark
        assertThat(during).isLessThanOrEqualTo(2L * OpenLogFiles.CAP + SLACK);
        for (EventLog log : logs) {
            assertThat(Ticks.append(log, 1)).extracting(Event::seq).containsExactly(2L);
        }
        assertThat(openDescriptors() - before).isLessThanOrEqualTo(2L * OpenLogFiles.CAP + SLACK);
        logs.forEach(EventLog::close);
        assertThat(Ticks.decodeFile(dir.resolve("log-0.jsonl"))).extracting(Event::seq).containsExactly(1L, 2L);
    }

    @Test
    void closingOtherInstancesAndIdleFilesWhileALockIsHeldKeepsOtherProcessesOut() throws Exception {
        Path file = dir.resolve("events.jsonl");
        EventLog.create(file);
        EventLog holder = EventLog.open(file, clock);
        AppendWorkerProcess[] worker = new AppendWorkerProcess[1];
        try {
            holder.locked((caughtUp, appender) -> {
                // another process wants the lock now; it must wait however this process shuffles its files
                worker[0] = AppendWorkerProcess.start(file, 1, "other-process", dir);
                EventLog.open(file, clock).close();
                for (int i = 0; i < 3 * OpenLogFiles.CAP; i++) {
                    Path other = dir.resolve("other-" + i + ".jsonl");
                    EventLog.create(other);
                    try (EventLog log = EventLog.open(other, clock)) {
                        Ticks.append(log, 1);
                    }
                }
                sleepQuietly(Duration.ofMillis(500)); // room for the other process to append if it could
                return appender.append(Ticks.ticks("holder", 2));
            });
            assertThat(worker[0].awaitExit(Duration.ofMinutes(1))).as(worker[0].describe()).isZero();
        } finally {
            holder.close();
            if (worker[0] != null) {
                worker[0].close();
            }
        }

        assertThat(Ticks.decodeFile(file)).extracting(Ticks::sourceOf)
                .containsExactly("holder", "holder", "other-process");
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> entries = Files.list(OWN_DESCRIPTORS)) {
            return entries.count();
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
