package dev.pce.engine.event;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdsTest {
    private static final long MILLIS = 1_736_935_200_000L; // 2025-01-15T10:00:00Z

    @Test
    void idIsAVersion7UuidCarryingItsMilliseconds() {
        UUID id = UUID.fromString(EventIds.next(MILLIS));

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(MILLIS);
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnes() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(EventIds.next(MILLIS + i * 7L));
        }

        assertThat(ids).isSorted();
    }

    @Test
    void idsOfTheSameMillisecondAreDistinct() {
        HashSet<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(EventIds.next(MILLIS));
        }

        assertThat(ids).hasSize(10_000);
    }
}
