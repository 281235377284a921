package dev.pce.engine.event;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The blocks hold what was written, in order, across block boundaries: as one array and as buffers written in turn. */
class EncodedBlocksTest {

    @Test
    void holdsWhatWasWrittenInOrder() {
        Random random = new Random(19);
        for (int round = 0; round < 40; round++) {
            EncodedBlocks blocks = new EncodedBlocks();
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            int writes = round == 0 ? 0 : random.nextInt(round < 30 ? 50 : 400);
            for (int i = 0; i < writes; i++) {
                if (random.nextBoolean()) {
                    int b = random.nextInt(256);
                    blocks.write(b);
                    expected.write(b);
                } else {
                    byte[] bytes = new byte[random.nextInt(round < 30 ? 3_000 : 40_000)];
                    random.nextBytes(bytes);
                    int offset = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
                    blocks.write(bytes, offset, bytes.length - offset);
                    expected.write(bytes, offset, bytes.length - offset);
                }
            }
            assertThat(blocks.size()).isEqualTo(expected.size());
            assertThat(blocks.toByteArray()).isEqualTo(expected.toByteArray());
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            for (ByteBuffer buffer : blocks.buffers()) {
                written.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
            }
            assertThat(written.toByteArray()).isEqualTo(expected.toByteArray());
        }
    }
}
