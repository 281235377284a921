package dev.pce.engine.event;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUID version 7 ids: 48 bits of Unix milliseconds, then randomness. Sorting by id sorts by creation time, which
 * makes merged logs from parallel jobs read in a natural order.
 */
public final class EventIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private EventIds() {
    }

    public static String next(long epochMillis) {
        long randA = RANDOM.nextLong();
        long randB = RANDOM.nextLong();
        long msb = (epochMillis << 16) | 0x7000L | (randA & 0x0FFFL);
        long lsb = (randB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
