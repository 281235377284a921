package dev.pce.engine.log;

import dev.pce.engine.CeException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.Json;
import dev.pce.engine.Limits;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.EventCodec;
import dev.pce.engine.event.EventIds;
import dev.pce.engine.event.LeaseExpired;
import dev.pce.engine.event.NewEvent;
import dev.pce.engine.event.UnrecognizedPayload;
import dev.pce.engine.testing.Ticks;
import dev.pce.testing.FileDamage;
import dev.pce.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;

import static dev.pce.engine.ErrorCode.LOG_CORRUPT;
import static dev.pce.engine.testing.Errors.assertError;
import static dev.pce.engine.testing.Errors.thrown;
import static dev.pce.engine.testing.Ticks.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventLogTest {
    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.standard();
    private final List<EventLog> opened = new ArrayList<>();
    private Path file;

    @BeforeEach
    void createLog() {
        file = dir.resolve("events.jsonl");
        EventLog.create(file);
    }

    @AfterEach
    void closeLogs() {
        opened.forEach(EventLog::close);
    }

    private EventLog open() {
        EventLog log = EventLog.open(file, clock);
        opened.add(log);
        return log;
    }

    @Test
    void appendedEventsAreOnDiskAndReadBackEqual() {
        EventLog writer = open();
        List<Event> first = writer.locked((caughtUp, appender) -> appender.append(List.of(tick("a", 1), tick("a", 2))));
        clock.advance(Duration.ofSeconds(5));
        List<Event> second = writer.locked((caughtUp, appender) -> appender.append(List.of(tick("a", 3))));

        List<Event> readBack = open().readNew();

        assertThat(readBack).containsExactlyElementsOf(concat(first, second));
        assertThat(Ticks.decodeFile(file)).containsExactlyElementsOf(readBack);
        assertThat(second.get(0).time()).isEqualTo(clock.instant());
    }

    /** No reader of the log ever meets a line larger than the largest plan makes: the bound under every input bound. */
    @Test
    void anEventLargerThanTheLineBoundIsRefusedAndNothingIsWritten() throws IOException {
        EventLog writer = open();
        writer.locked((caughtUp, appender) -> appender.append(List.of(tick("a", 1))));
        byte[] before = Files.readAllBytes(file);
        ObjectNode huge = Json.mapper().createObjectNode().put("text", "x".repeat(Limits.MAX_EVENT_LINE_BYTES));
        NewEvent tooLarge = new NewEvent("agent", new UnrecognizedPayload("huge.thing", huge));

        assertError(ErrorCode.INVALID_ARGUMENT, () -> writer.locked((caughtUp, appender) ->
                        appender.append(List.of(tick("a", 2), tooLarge))),
                "The 'huge.thing' event would take 134,217,",
                "more than the 134,217,728 one event may take; nothing was written");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        List<Event> next = writer.locked((caughtUp, appender) -> appender.append(List.of(tick("a", 3))));
        assertThat(next).extracting(Event::seq).containsExactly(2L);
    }

    @Test
    void seqStartsAtOneAndIncreasesByOneAcrossInstances() {
        EventLog a = open();
        EventLog b = open();

        List<Event> fromA = Ticks.append(a, 2);
        List<Event> seenByB = new ArrayList<>();
        List<Event> fromB = b.locked((caughtUp, appender) -> {
            seenByB.addAll(caughtUp);
            return appender.append(List.of(tick("b", 1)));
        });
        List<Event> fromAAgain = Ticks.append(a, 1);

        assertThat(fromA).extracting(Event::seq).containsExactly(1L, 2L);
        assertThat(seenByB).containsExactlyElementsOf(fromA);
        assertThat(fromB).extracting(Event::seq).containsExactly(3L);
        assertThat(fromAAgain).extracting(Event::seq).containsExactly(4L);
        assertThat(Ticks.decodeFile(file)).extracting(Event::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(Ticks.decodeFile(file)).extracting(Event::id).doesNotHaveDuplicates();
    }

    @Test
    void instancesInOneJvmAppendingFromManyThreadsGetDistinctConsecutiveSeqs() throws Exception {
        int threads = 4;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                EventLog own = open();
                String source = "thread-" + t;
                results.add(pool.submit(() -> {
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 1; i <= perThread; i++) {
                        int index = i;
                        seqs.add(own.locked((caughtUp, appender) -> appender.append(List.of(tick(source, index))))
                                .get(0).seq());
                    }
                    return seqs;
                }));
            }
            List<Long> allSeqs = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                List<Long> seqs = result.get(1, TimeUnit.MINUTES);
                assertThat(seqs).isSorted();
                allSeqs.addAll(seqs);
            }

            assertThat(allSeqs).containsExactlyInAnyOrderElementsOf(
                    LongStream.rangeClosed(1, (long) threads * perThread).boxed().toList());
            assertThat(Ticks.decodeFile(file)).hasSize(threads * perThread);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void readNewReturnsOnlyWhatThisInstanceHasNotSeen() {
        EventLog writer = open();
        EventLog reader = open();
        Ticks.append(writer, 2);

        assertThat(reader.readNew()).extracting(Event::seq).containsExactly(1L, 2L);
        assertThat(reader.readNew()).isEmpty();

        Ticks.append(writer, 1);
        assertThat(reader.readNew()).extracting(Event::seq).containsExactly(3L);
        assertThat(reader.lastSeq()).isEqualTo(3);
    }

    @Test
    void readPagesThroughTheLogWithACursor() {
        Ticks.append(open(), 10);
        EventLog reader = open();

        EventLog.Page first = reader.read(0, 4, event -> true);
        EventLog.Page second = reader.read(first.nextAfter(), 4, event -> true);
        EventLog.Page last = reader.read(second.nextAfter(), 4, event -> true);

        assertThat(first.events()).extracting(Event::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.events()).extracting(Event::seq).containsExactly(5L, 6L, 7L, 8L);
        assertThat(last.events()).extracting(Event::seq).containsExactly(9L, 10L);
        assertThat(last.nextAfter()).isEqualTo(10);
        assertThat(last.hasMore()).isFalse();
        assertThat(reader.read(10, 4, event -> true).events()).isEmpty();
    }

    @Test
    void readWithFilterSkipsNonMatchingEventsAndReportsHowFarItScanned() {
        Ticks.append(open(), 10);
        EventLog reader = open();

        EventLog.Page evens = reader.read(0, 2, event -> Ticks.indexOf(event) % 2 == 0);
        EventLog.Page rest = reader.read(evens.nextAfter(), 100, event -> Ticks.indexOf(event) % 2 == 0);

        assertThat(evens.events()).extracting(Event::seq).containsExactly(2L, 4L);
        assertThat(evens.nextAfter()).isEqualTo(4);
        assertThat(evens.hasMore()).isTrue();
        assertThat(rest.events()).extracting(Event::seq).containsExactly(6L, 8L, 10L);
        assertThat(rest.hasMore()).isFalse();
    }

    @Test
    void eventsSeenByReadAreStillHandedToReadNewAndLocked() {
        EventLog writer = open();
        EventLog reader = open();
        List<Event> written = Ticks.append(writer, 3);

        assertThat(reader.read(0, 100, event -> true).events()).containsExactlyElementsOf(written);
        assertThat(reader.readNew()).containsExactlyElementsOf(written);

        List<Event> more = Ticks.append(writer, 2);
        assertThat(reader.read(3, 100, event -> true).events()).containsExactlyElementsOf(more);
        List<Event> caughtUp = reader.locked((events, appender) -> events);
        assertThat(caughtUp).containsExactlyElementsOf(more);
    }

    @Test
    void tornLastLineIsLeftAloneByReadersAndCutByTheNextLockedSection() throws IOException {
        List<Event> acknowledged = Ticks.append(open(), 2);
        long intactSize = Files.size(file);
        byte[] nextLine = EventCodec.encode(new Event("torn-id", 3, clock.instant(), "dead-writer",
                new LeaseExpired("a", "cl-1", "alice")));
        byte[] torn = Arrays.copyOf(nextLine, nextLine.length / 2);
        Ticks.appendRaw(file, torn);
        Path tornFile = dir.resolve("events.jsonl.torn");

        EventLog reader = open();
        assertThat(reader.readNew()).containsExactlyElementsOf(acknowledged);
        assertThat(Files.size(file)).isEqualTo(intactSize + torn.length);
        assertThat(tornFile).doesNotExist();

        List<Event> caughtUp = reader.locked((events, appender) -> events);

        assertThat(caughtUp).isEmpty();
        assertThat(Files.size(file)).isEqualTo(intactSize);
        assertThat(Ticks.decodeFile(file)).containsExactlyElementsOf(acknowledged);
        assertThat(new String(Files.readAllBytes(tornFile), StandardCharsets.UTF_8))
                .contains(new String(torn, StandardCharsets.UTF_8))
                .contains("cut " + torn.length + " bytes at offset " + intactSize);
        assertThat(Ticks.append(reader, 1)).extracting(Event::seq).containsExactly(3L);
    }

    @Test
    void logCutInsideALineBeforeItsAcknowledgedEndIsDamageNotATornTail() throws IOException {
        List<Event> acknowledged = Ticks.append(open(), 25);
        long insideLine6 = lineStart(6) + 10;
        cut(insideLine6);
        EventLog reader = open();

        assertError(LOG_CORRUPT, reader::readNew, file + " ends inside line 6", "25 acknowledged events",
                "events 6 to 25 are missing");
        assertError(LOG_CORRUPT, () -> reader.locked((events, appender) -> appender.append(List.of(tick("x", 1)))),
                "ends inside line 6", acknowledged.getLast().id());
        assertError(LOG_CORRUPT, () -> open().locked((events, appender) -> events), "ends inside line 6");
        assertThat(Files.size(file)).as("nothing is cut").isEqualTo(insideLine6);
        assertThat(dir.resolve("events.jsonl.torn")).doesNotExist();
    }

    @Test
    void logCutAtALineEndBeforeItsAcknowledgedEndIsDamage() throws IOException {
        Ticks.append(open(), 25);
        cut(lineStart(6));

        CeException cut = thrown(LOG_CORRUPT, () -> open().readNew());
        assertThat(cut.getMessage()).contains(file + " ends after line 5", "events 6 to 25 are missing");
        assertThat(cut.fix()).contains("Restore events.jsonl from a backup", "ce doctor --repair-log");
        assertError(LOG_CORRUPT, () -> open().locked((events, appender) -> events), "ends after line 5");
    }

    @Test
    void tornTailOfAnAppendThatNeverFinishedIsCutEvenRightAfterTheAcknowledgedEnd() throws IOException {
        EventLog writer = open();
        List<Event> acknowledged = Ticks.append(writer, 3);
        byte[] nextLine = EventCodec.encode(new Event(EventIds.next(0), 4, clock.instant(), "dead-writer",
                new LeaseExpired("a", "cl-1", "alice")));
        Ticks.appendRaw(file, Arrays.copyOf(nextLine, 7));

        List<Event> caughtUp = writer.locked((events, appender) -> events);

        assertThat(caughtUp).isEmpty();
        assertThat(Ticks.decodeFile(file)).containsExactlyElementsOf(acknowledged);
    }

    @Test
    void aLogReplacedByAnotherFileIsReadAsItIsAndTheOldInstanceRefusesToAppend() throws IOException {
        EventLog old = open();
        Ticks.append(old, 5);
        byte[] shorter = Arrays.copyOf(Files.readAllBytes(file), (int) lineStart(3));
        Path replacement = dir.resolve("replacement.jsonl");
        Files.write(replacement, shorter);
        Files.move(replacement, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertThat(open().readNew()).extracting(Event::seq).as("the old file's mark does not judge the new one")
                .containsExactly(1L, 2L);
        assertThat(old.fileStatus()).isEqualTo(EventLog.FileStatus.REPLACED);
        assertError(ErrorCode.CONFLICT, () -> Ticks.append(old, 1), "was replaced by another file");
        assertThat(Ticks.decodeFile(file)).hasSize(2);
    }

    @Test
    void cutAfterKeepsACopyOfTheWholeLogAndMakesItReadableAgain() throws IOException {
        List<Event> acknowledged = Ticks.append(open(), 8);
        byte[] whole = Files.readAllBytes(file);
        cut(lineStart(4) + 3);
        long damagedSize = Files.size(file);
        Path copy = dir.resolve("events.jsonl.damaged");
        Event last = acknowledged.get(2);

        open().cutAfter(lineStart(4), last.seq(), last.id(), damagedSize, copy);

        assertThat(Files.readAllBytes(copy)).isEqualTo(Arrays.copyOf(whole, (int) damagedSize));
        assertThat(open().readNew()).containsExactlyElementsOf(acknowledged.subList(0, 3));
        assertThat(Ticks.append(open(), 1)).extracting(Event::seq).containsExactly(4L);
    }

    @Test
    void cutAfterALogChangedSinceItWasExaminedChangesNothing() throws IOException {
        Ticks.append(open(), 3);
        long size = Files.size(file);

        assertError(ErrorCode.CONFLICT, () -> open().cutAfter(lineStart(2), 1, "x", size - 1,
                dir.resolve("copy")), "changed while it was being examined");
        assertThat(Files.size(file)).isEqualTo(size);
        assertThat(dir.resolve("copy")).doesNotExist();
    }

    private long lineStart(int line) throws IOException {
        return FileDamage.lineStart(file, line);
    }

    private void cut(long size) throws IOException {
        FileDamage.cut(file, size);
    }

    @Test
    void completeCorruptLineIsReportedWithItsLineNumberAndNotCut() throws IOException {
        Ticks.append(open(), 2);
        Ticks.appendRaw(file, "this is not an event\n");
        long size = Files.size(file);
        EventLog reader = open();

        assertError(LOG_CORRUPT, reader::readNew, file + " line 3 is not valid JSON");
        // The same error again: the two good lines before it are not re-read as if they were line 3.
        assertError(LOG_CORRUPT, reader::readNew, file + " line 3 is not valid JSON");
        assertError(LOG_CORRUPT, () -> reader.locked((events, appender) -> appender.append(List.of(tick("x", 1)))),
                file + " line 3 is not valid JSON");
        assertThat(Files.size(file)).isEqualTo(size);
        assertThat(dir.resolve("events.jsonl.torn")).doesNotExist();
    }

    @Test
    void goodLinesBeforeACorruptOneAreDeliveredOnceTheLineIsRepaired() throws IOException {
        List<Event> good = Ticks.append(open(), 2);
        byte[] intact = Files.readAllBytes(file);
        Ticks.appendRaw(file, "garbage\n");
        EventLog reader = open();
        assertError(LOG_CORRUPT, reader::readNew, "line 3");

        Files.write(file, intact); // an operator moves the damaged line out
        List<Event> later = Ticks.append(open(), 1);

        assertThat(reader.readNew()).containsExactlyElementsOf(concat(good, later));
    }

    @Test
    void lineWithUnexpectedSeqIsReportedAsCorrupt() {
        Event one = new Event("id-1", 1, clock.instant(), "x", new LeaseExpired("a", "cl-1", "alice"));
        Event three = new Event("id-3", 3, clock.instant(), "x", new LeaseExpired("a", "cl-1", "alice"));
        Ticks.appendRaw(file, EventCodec.encode(one));
        Ticks.appendRaw(file, EventCodec.encode(three));

        assertError(LOG_CORRUPT, () -> open().readNew(), file + " line 2 has seq 3, expected 2");
    }

    @Test
    void logThatShrankWhileOpenIsReportedAsCorrupt() throws IOException {
        EventLog reader = open();
        Ticks.append(reader, 3);
        cut(10);

        assertError(LOG_CORRUPT, reader::readNew, "shrank");
    }

    @Test
    void endsWithRecognisesExactlyTheLineEndingAtAnOffset() throws IOException {
        EventLog log = open();
        Event first = Ticks.append(log, 1).get(0);
        long afterFirst = log.consumedOffset();
        Event second = Ticks.append(log, 1).get(0);
        long afterSecond = log.consumedOffset();

        assertThat(afterSecond).isEqualTo(Files.size(file));
        assertThat(log.endsWith(afterFirst, 1, first.id())).isTrue();
        assertThat(log.endsWith(afterSecond, 2, second.id())).isTrue();
        assertThat(log.endsWith(afterSecond, 2, first.id())).isFalse();
        assertThat(log.endsWith(afterSecond, 1, second.id())).isFalse();
        assertThat(log.endsWith(afterFirst + 5, 1, first.id())).isFalse();
        assertThat(log.endsWith(0, 1, first.id())).isFalse();
        assertThat(log.endsWith(afterSecond + 1, 2, second.id())).isFalse();
    }

    @Test
    void endsWithFindsTheStartOfALineLongerThanItsFirstWindow() {
        EventLog log = open();
        Ticks.append(log, 1);
        String big = "x".repeat(50_000);
        Event longEvent = log.locked((caughtUp, appender) -> appender.append(List.of(new NewEvent(
                "tester", new LeaseExpired(big, "cl-1", "alice"))))).get(0);

        assertThat(log.endsWith(log.consumedOffset(), 2, longEvent.id())).isTrue();
    }

    @Test
    void resumeAtSkipsTheKnownPrefixYetOldEventsStayReadable() {
        EventLog writer = open();
        List<Event> all = new ArrayList<>(Ticks.append(writer, 3));
        long afterThird = writer.consumedOffset();
        all.addAll(Ticks.append(writer, 2));

        EventLog resumed = open();
        resumed.resumeAt(afterThird, 3);

        assertThat(resumed.readNew()).containsExactlyElementsOf(all.subList(3, 5));
        assertThat(resumed.read(0, 100, event -> true).events()).containsExactlyElementsOf(all);
        assertThat(resumed.read(1, 2, event -> true).events()).containsExactlyElementsOf(all.subList(1, 3));
        assertThat(Ticks.append(resumed, 1)).extracting(Event::seq).containsExactly(6L);
    }

    @Test
    void resumeAtAfterReadingIsRefused() {
        EventLog log = open();
        Ticks.append(log, 1);

        assertThatThrownBy(() -> log.resumeAt(10, 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void appenderCannotBeUsedAfterItsLockedSectionEnded() {
        EventLog log = open();
        AtomicReference<LockedSection.Appender> leaked = new AtomicReference<>();
        log.locked((caughtUp, appender) -> {
            leaked.set(appender);
            return null;
        });

        assertThatThrownBy(() -> leaked.get().append(List.of(tick("x", 1)))).isInstanceOf(IllegalStateException.class);
        assertThat(Ticks.readAll(file)).isEmpty();
    }

    @Test
    void lockedSectionOnARemovedLogRefusesToAppend() throws IOException {
        EventLog log = open();
        Files.delete(file);

        assertError(ErrorCode.UNKNOWN_WORKFLOW, () -> Ticks.append(log, 1), "was removed while open");
    }

    @Test
    void openingAMissingLogNamesTheFile() {
        Path missing = dir.resolve("nope.jsonl");

        assertError(ErrorCode.IO, () -> EventLog.open(missing, clock), missing.toString());
    }

    @Test
    void creatingALogTwiceFails() {
        assertError(ErrorCode.IO, () -> EventLog.create(file), file.toString());
    }

    private static List<Event> concat(List<Event> a, List<Event> b) {
        List<Event> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The mark tells a log of one event without reading it; anything else is left to reading the log. */
    @Test
    void aLogOfItsFirstEventAloneIsToldByItsMark() throws IOException {
        assertThat(EventLog.holdsOnlyTheFirstEvent(file)).as("empty, no mark").isFalse();
        EventLog writer = open();
        writer.locked((caughtUp, appender) -> appender.append(List.of(tick("a", 1))));
        assertThat(EventLog.holdsOnlyTheFirstEvent(file)).isTrue();

        byte[] one = Files.readAllBytes(file);
        Path copy = dir.resolve("copy.jsonl");
        Files.write(copy, one);
        Files.copy(AckMark.fileOf(file), AckMark.fileOf(copy));
        assertThat(EventLog.holdsOnlyTheFirstEvent(copy)).as("another file's mark").isFalse();

        Files.write(file, "{\"torn\":".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        assertThat(EventLog.holdsOnlyTheFirstEvent(file)).as("bytes after the acknowledged end").isFalse();
        Files.write(file, one);
        writer.locked((caughtUp, appender) -> appender.append(List.of(tick("a", 2))));
        assertThat(EventLog.holdsOnlyTheFirstEvent(file)).as("two events").isFalse();
    }
}
