package dev.pce.engine.schedule;

import dev.pce.engine.ErrorCode;
import org.junit.jupiter.api.Test;

import static dev.pce.engine.testing.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

class PoolSlotsTest {

    @Test
    void defaultsAndCustomPools() {
        PoolSlots slots = PoolSlots.defaults();
        assertThat(slots.slotsOf("planners")).isEqualTo(1);
        assertThat(slots.slotsOf("builders")).isEqualTo(3);
        assertThat(slots.slotsOf("reviewers")).isEqualTo(2);
        assertThat(slots.slotsOf("security")).isEqualTo(PoolSlots.CUSTOM_DEFAULT);
    }

    @Test
    void parsesOverrides() {
        PoolSlots slots = PoolSlots.parse(" builders=4, security=2 ");
        assertThat(slots.slotsOf("builders")).isEqualTo(4);
        assertThat(slots.slotsOf("security")).isEqualTo(2);
        assertThat(slots.slotsOf("reviewers")).isEqualTo(2);
        assertThat(PoolSlots.parse("")).isEqualTo(PoolSlots.defaults());
    }

    @Test
    void explainsBadEntries() {
        assertError(ErrorCode.INVALID_ARGUMENT, () -> PoolSlots.parse("builders=4,reviewers"),
                "pool entry 2 ('reviewers')", "not of the form pool=slots");
        assertError(ErrorCode.INVALID_ARGUMENT, () -> PoolSlots.parse("builders=four"),
                "'four' is not a whole number");
        assertError(ErrorCode.INVALID_ARGUMENT, () -> PoolSlots.parse("builders=0"), "out of range 1..10000");
        assertError(ErrorCode.INVALID_ARGUMENT, () -> PoolSlots.parse("Builders=2"), "is not a pool name");
    }
}
