package dev.pce.engine.event;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bytes written in blocks that are never copied into one array: a plan event of 50 MB went into blocks, then into an
 * array of its own for the log to write (50 MB more garbage per call, in the old generation). The log writes the
 * blocks one after another instead. Blocks double from 512 bytes up to 1 MiB, so a small event takes one small block.
 */
final class EncodedBlocks extends OutputStream {
    private static final int FIRST_BLOCK = 512;
    private static final int LARGEST_BLOCK = 1 << 20;

    private final List<byte[]> full = new ArrayList<>();
    private byte[] current = new byte[FIRST_BLOCK];
    private int used;
    private long size;

    @Override
    public void write(int b) {
        if (used == current.length) {
            next();
        }
        current[used++] = (byte) b;
        size++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        while (length > 0) {
            if (used == current.length) {
                next();
            }
            int part = Math.min(length, current.length - used);
            System.arraycopy(bytes, offset, current, used, part);
            used += part;
            offset += part;
            length -= part;
            size += part;
        }
    }

    private void next() {
        full.add(current);
        current = new byte[Math.min(LARGEST_BLOCK, current.length * 2)];
        used = 0;
    }

    /** The bytes written so far. */
    long size() {
        return size;
    }

    /** The bytes as buffers to write in order (each positioned at its start). */
    ByteBuffer[] buffers() {
        ByteBuffer[] buffers = new ByteBuffer[full.size() + 1];
        for (int i = 0; i < full.size(); i++) {
            buffers[i] = ByteBuffer.wrap(full.get(i));
        }
        buffers[full.size()] = ByteBuffer.wrap(current, 0, used);
        return buffers;
    }

    /** The bytes in one array. */
    byte[] toByteArray() {
        if (full.isEmpty()) {
            return Arrays.copyOf(current, used);
        }
        byte[] all = new byte[Math.toIntExact(size)];
        int at = 0;
        for (byte[] block : full) {
            System.arraycopy(block, 0, all, at, block.length);
            at += block.length;
        }
        System.arraycopy(current, 0, all, at, used);
        return all;
    }
}
