package dev.pce.engine.log;

import dev.pce.engine.event.Event;
import dev.pce.engine.testing.AppendWorkerProcess;
import dev.pce.engine.testing.AppendWorkerProcess.Ack;
import dev.pce.engine.testing.Ticks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Several JVMs append to one log at once: the file lock must serialise them into one gapless sequence. */
class MultiProcessAppendTest {
    private static final int WORKERS = 4;
    private static final int EVENTS_PER_WORKER = 250;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    @Test
    void concurrentProcessesProduceOneGaplessLogWithEveryAcknowledgedEvent() throws Exception {
        Path file = dir.resolve("events.jsonl");
        EventLog.create(file);
        List<AppendWorkerProcess> workers = new ArrayList<>();
        try {
            for (int w = 1; w <= WORKERS; w++) {
                workers.add(AppendWorkerProcess.start(file, EVENTS_PER_WORKER, "worker-" + w, dir));
            }
            for (AppendWorkerProcess worker : workers) {
                assertThat(worker.awaitExit(TIMEOUT)).as(worker.source() + " exit code" + worker.describe())
                        .isZero();
                assertThat(worker.stdout()).as(worker.source()).hasSize(EVENTS_PER_WORKER + 1).endsWith("done");
            }

            List<Event> events = Ticks.decodeFile(file);

            int total = WORKERS * EVENTS_PER_WORKER;
            assertThat(events).hasSize(total);
            assertThat(events).extracting(Event::seq).containsExactlyElementsOf(
                    LongStream.rangeClosed(1, total).boxed().toList());
            assertThat(events).extracting(Event::id).doesNotHaveDuplicates();
            assertThat(events).allSatisfy(event -> assertThat(event.type()).isEqualTo(AppendWorker.EVENT_TYPE));
            Map<Long, String> idBySeq = new HashMap<>();
            events.forEach(event -> idBySeq.put(event.seq(), event.id()));
            for (AppendWorkerProcess worker : workers) {
                List<Ack> acks = worker.acks();
                assertThat(acks).as(worker.source() + " acks").hasSize(EVENTS_PER_WORKER);
                assertThat(acks).extracting(Ack::seq).as(worker.source() + " ack order").isSorted();
                for (Ack ack : acks) {
                    assertThat(idBySeq.get(ack.seq())).as(worker.source() + " ack of seq " + ack.seq())
                            .isEqualTo(ack.id());
                }
                List<Event> own = events.stream().filter(event -> event.source().equals(worker.source())).toList();
                assertThat(own).extracting(Ticks::indexOf).as(worker.source() + " events in its own order")
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, EVENTS_PER_WORKER).boxed().toList());
                assertThat(own).extracting(Ticks::sourceOf).containsOnly(worker.source());
            }
            assertThat(dir.resolve("events.jsonl.torn")).doesNotExist();
        } finally {
            workers.forEach(AppendWorkerProcess::close);
        }
    }
}
