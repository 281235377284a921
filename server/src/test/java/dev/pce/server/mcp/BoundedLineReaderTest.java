package dev.pce.server.mcp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Lines as the client wrote them, whatever pieces the pipe delivers them in. */
class BoundedLineReaderTest {

    /** Pieces of 1 byte up to more than a chunk: a line may start, end or hold its newline at a chunk's edge. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 1000, 65_536, 200_000})
    void linesAreTheSameWhateverThePieces(int piece) throws IOException {
        String big = "x".repeat(150_000);
        String input = "{\"a\":1}\n\n" + big + "\r\n  é😀 \t\n" + "last without newline";

        List<String> lines = readAll(new Pieces(input.getBytes(StandardCharsets.UTF_8), piece), 1 << 20);

        assertThat(lines).containsExactly("{\"a\":1}", "", big, "  é😀", "last without newline");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 65_536})
    void aLineOverTheLimitIsConsumedAndReportedOnce(int piece) throws IOException {
        String input = "12345\n123456\n" + "9".repeat(100_000) + "\nok\n";
        BoundedLineReader reader = new BoundedLineReader(new Pieces(input.getBytes(StandardCharsets.UTF_8), piece), 5);

        assertThat(new String(reader.next(), StandardCharsets.UTF_8)).isEqualTo("12345");
        assertThat(reader.next()).isSameAs(BoundedLineReader.OVERSIZE);
        assertThat(reader.next()).isSameAs(BoundedLineReader.OVERSIZE);
        assertThat(new String(reader.next(), StandardCharsets.UTF_8)).isEqualTo("ok");
        assertThat(reader.next()).isNull();
        assertThat(reader.next()).isNull();
    }

    @Test
    void anOversizeLastLineWithoutNewlineIsReportedThenTheEnd() throws IOException {
        BoundedLineReader reader = new BoundedLineReader(new ByteArrayInputStream("abcdefgh".getBytes(
                StandardCharsets.UTF_8)), 4);

        assertThat(reader.next()).isSameAs(BoundedLineReader.OVERSIZE);
        assertThat(reader.next()).isNull();
    }

    /** The server counts a request as work from its first bytes on: told once per line, never for the end. */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 65_536})
    void eachLineIsAnnouncedOnceWhenItsFirstBytesCome(int piece) throws IOException {
        AtomicInteger started = new AtomicInteger();
        List<Integer> announcedBefore = new ArrayList<>();
        String input = "first\n\n" + "x".repeat(70_000) + "\n" + "9".repeat(20) + "\nlast";
        BoundedLineReader reader = new BoundedLineReader(new Pieces(input.getBytes(StandardCharsets.UTF_8), piece), 10,
                started::incrementAndGet);

        for (byte[] line = reader.next(); line != null; line = reader.next()) {
            announcedBefore.add(started.get());
        }

        assertThat(announcedBefore).containsExactly(1, 2, 3, 4, 5);
        assertThat(started).hasValue(5);
    }

    @Test
    void noInputIsTheEnd() throws IOException {
        assertThat(new BoundedLineReader(new ByteArrayInputStream(new byte[0]), 10).next()).isNull();
    }

    private static List<String> readAll(InputStream in, int limit) throws IOException {
        BoundedLineReader reader = new BoundedLineReader(in, limit);
        List<String> lines = new ArrayList<>();
        for (byte[] line = reader.next(); line != null; line = reader.next()) {
            lines.add(new String(line, StandardCharsets.UTF_8));
        }
        return lines;
    }

    /** A stream that hands out at most {@code piece} bytes per read, as a pipe may. */
    private static final class Pieces extends InputStream {
        private final byte[] bytes;
        private final int piece;
        private int position;

        Pieces(byte[] bytes, int piece) {
            this.bytes = bytes;
            this.piece = piece;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (position == bytes.length) {
                return -1;
            }
            int count = Math.min(Math.min(piece, length), bytes.length - position);
            System.arraycopy(bytes, position, into, offset, count);
            position += count;
            return count;
        }
    }
}
