package dev.pce.engine.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.CeException;
import dev.pce.engine.Json;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.NewEvent;
import dev.pce.engine.event.UnrecognizedPayload;
import dev.pce.engine.testing.Ticks;
import dev.pce.testing.MutableClock;
import dev.pce.testing.SmallDisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.pce.engine.ErrorCode.IO;
import static dev.pce.engine.testing.Errors.thrown;
import static org.assertj.core.api.Assertions.assertThat;

/** A full disk on a real (small tmpfs) file system: a clear error, nothing lost, a clean log once space returns. */
class EventLogDiskFullTest {
    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.standard();

    /** An event larger than the free part of the log's last page, so its write goes in partly and then fails. */
    private static NewEvent large() {
        ObjectNode payload = Json.mapper().createObjectNode().put("text", "x".repeat(12_000));
        return new NewEvent("tester", new UnrecognizedPayload(Ticks.TYPE, payload));
    }

    @Test
    void appendOnAFullDiskSaysSoRemovesItsPartialWriteAndTheLogWorksOnceSpaceReturns() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), "256k")) {
            Path file = disk.root().resolve("events.jsonl");
            EventLog.create(file);
            EventLog log = EventLog.open(file, clock);
            List<Event> acknowledged = new ArrayList<>(Ticks.append(log, 3));
            long size = Files.size(file);
            disk.fill();

            CeException full = thrown(IO, () -> log.locked((caughtUp, appender) -> appender.append(List.of(large()))));

            assertThat(full.getMessage()).contains("Could not append to event log " + file,
                    "the disk is full (No space left on device)", "Nothing was recorded");
            assertThat(full.fix()).contains("Free space on the disk that holds " + disk.root());
            assertThat(Files.size(file)).as("the partial write was removed").isEqualTo(size);

            // the next call, from another instance as another process would make it: the same error, no lock error
            EventLog next = EventLog.open(file, clock);
            CeException again = thrown(IO, () -> next.locked((caughtUp, appender) ->
                    appender.append(List.of(large()))));
            assertThat(again.getMessage()).contains("the disk is full").doesNotContain("lock");

            disk.free();
            acknowledged.addAll(next.locked((caughtUp, appender) -> appender.append(List.of(large()))));
            acknowledged.addAll(Ticks.append(log, 1));

            assertThat(Ticks.decodeFile(file)).containsExactlyElementsOf(acknowledged);
            assertThat(acknowledged).extracting(Event::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(disk.root().resolve("events.jsonl.torn")).as("nothing was left to cut").doesNotExist();
            log.close();
            next.close();
        }
    }

    @Test
    void tornTailFoundWhileTheDiskIsFullIsADiskFullErrorThatLeavesTheLogAlone() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), "256k")) {
            Path file = disk.root().resolve("events.jsonl");
            EventLog.create(file);
            List<Event> acknowledged;
            try (EventLog log = EventLog.open(file, clock)) {
                acknowledged = Ticks.append(log, 2);
            }
            Ticks.appendRaw(file, "{\"id\":\"0194"); // a writer died here
            long size = Files.size(file);
            disk.fill();
            EventLog log = EventLog.open(file, clock);

            CeException full = thrown(IO, () -> Ticks.append(log, 1));

            assertThat(full.getMessage()).contains("the disk is full", "unfinished append", "left as it is")
                    .doesNotContain("lock");
            assertThat(Files.size(file)).isEqualTo(size);

            disk.free();
            List<Event> after = Ticks.append(log, 1);

            assertThat(after).extracting(Event::seq).containsExactly(3L);
            assertThat(Ticks.decodeFile(file)).hasSize(3).startsWith(acknowledged.toArray(Event[]::new));
            log.close();
        }
    }
}
