package dev.pce.engine.log;

import dev.pce.engine.event.Event;
import dev.pce.engine.event.EventCodec;
import dev.pce.engine.event.EventIds;
import dev.pce.engine.event.TaskFailed;
import dev.pce.engine.testing.AppendWorkerProcess;
import dev.pce.engine.testing.AppendWorkerProcess.Ack;
import dev.pce.engine.testing.Ticks;
import dev.pce.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A writer that dies at any moment must never cost an acknowledged event, nor block the next writer. */
class CrashRecoveryTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    @TempDir
    Path dir;

    @Test
    void killedWriterLosesNoAcknowledgedEvent() throws Exception {
        Path file = dir.resolve("events.jsonl");
        EventLog.create(file);
        List<Ack> acks;
        try (AppendWorkerProcess worker = AppendWorkerProcess.start(file, 1_000_000, "doomed", dir)) {
            worker.awaitAcks(50, TIMEOUT);
            worker.kill(TIMEOUT);
            acks = worker.acks();
            assertThat(worker.stdout()).doesNotContain("done");
        }

        List<Event> recovered;
        try (EventLog log = EventLog.open(file, Clock.systemUTC())) {
            recovered = log.locked((caughtUp, appender) -> caughtUp); // repairs a torn tail, if the kill left one
            assertThat(log.readNew()).isEmpty();
        }

        assertThat(recovered.size()).isGreaterThanOrEqualTo(acks.size());
        assertThat(recovered).extracting(Event::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, recovered.size()).boxed().toList());
        for (Ack ack : acks) {
            assertThat(recovered.get((int) ack.seq() - 1).id()).as("acked seq " + ack.seq()).isEqualTo(ack.id());
        }
        assertThat(Ticks.decodeFile(file)).isEqualTo(recovered);
        try (EventLog log = EventLog.open(file, Clock.systemUTC())) {
            assertThat(Ticks.append(log, 1)).extracting(Event::seq).containsExactly(recovered.size() + 1L);
        }
    }

    /** The dead writer got through {@code fraction} of its line: from one byte to all but the newline. */
    @ParameterizedTest(name = "torn after {0} of the line")
    @ValueSource(strings = {"first byte", "half", "all but the newline"})
    void writeTornByACrashIsCutAndTheNextAppendTakesItsPlace(String fraction) throws Exception {
        Path file = dir.resolve("events.jsonl");
        EventLog.create(file);
        MutableClock clock = MutableClock.standard();
        List<Event> acknowledged;
        try (EventLog writer = EventLog.open(file, clock)) {
            acknowledged = Ticks.append(writer, 5);
        }
        byte[] intact = Files.readAllBytes(file);
        Event unacknowledged = new Event(EventIds.next(clock.millis()), 6, clock.instant(), "dead-writer",
                new TaskFailed("t1", "cl-1", "never acknowledged", false, false));
        byte[] line = EventCodec.encode(unacknowledged);
        int written = switch (fraction) {
            case "first byte" -> 1;
            case "half" -> line.length / 2;
            default -> line.length - 1;
        };
        byte[] torn = Arrays.copyOf(line, written);
        Ticks.appendRaw(file, torn);

        List<Event> appended;
        try (EventLog next = EventLog.open(file, clock)) {
            appended = Ticks.append(next, 1);
        }

        assertThat(appended).extracting(Event::seq).containsExactly(6L);
        List<Event> onDisk = Ticks.decodeFile(file);
        assertThat(onDisk.subList(0, 5)).isEqualTo(acknowledged);
        assertThat(onDisk.get(5)).isEqualTo(appended.get(0));
        assertThat(onDisk).extracting(Event::id).doesNotContain(unacknowledged.id());
        assertThat(Arrays.copyOf(Files.readAllBytes(file), intact.length)).isEqualTo(intact);
        byte[] kept = Files.readAllBytes(dir.resolve("events.jsonl.torn"));
        assertThat(new String(kept, StandardCharsets.UTF_8)).contains(new String(torn, StandardCharsets.UTF_8));
    }
}
