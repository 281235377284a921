package dev.pce.pkm.note;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** What each form of a note's date gives the index and the renderer: its day, its moment, its text. */
class NoteDateTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aDayIsItsOwnDayStartsAtMidnightInTheZoneAndIsWrittenAsIso() {
        NoteDate day = new NoteDate.Day(LocalDate.of(2024, 8, 24));

        assertThat(day.day()).isEqualTo(LocalDate.of(2024, 8, 24));
        assertThat(day.instant(BERLIN)).isEqualTo(Instant.parse("2024-08-23T22:00:00Z"));
        assertThat(day.text()).isEqualTo("2024-08-24");
    }

    @Test
    void aLocalDateTimeTakesTheZoneForItsMoment() {
        NoteDate local = new NoteDate.Local(LocalDateTime.of(2024, 8, 24, 0, 30));

        assertThat(local.day()).isEqualTo(LocalDate.of(2024, 8, 24));
        assertThat(local.instant(BERLIN)).isEqualTo(Instant.parse("2024-08-23T22:30:00Z"));
        assertThat(local.text()).isEqualTo("2024-08-24T00:30");
    }

    @Test
    void aZonedDateTimeKeepsItsOwnOffsetForDayAndMoment() {
        NoteDate zoned = new NoteDate.Zoned(OffsetDateTime.parse("2024-08-24T00:30+02:00"));

        assertThat(zoned.day()).as("the day where it was written").isEqualTo(LocalDate.of(2024, 8, 24));
        assertThat(zoned.instant(ZoneId.of("UTC"))).isEqualTo(Instant.parse("2024-08-23T22:30:00Z"));
        assertThat(zoned.text()).isEqualTo("2024-08-24T00:30+02:00");
    }

    @Test
    void eachFormIsReadBackFromItsText() {
        for (NoteDate date : new NoteDate[] {new NoteDate.Day(LocalDate.of(2024, 2, 29)),
                new NoteDate.Local(LocalDateTime.of(2024, 2, 29, 16, 4, 5)),
                new NoteDate.Zoned(OffsetDateTime.parse("2024-02-29T16:04:05Z"))}) {
            assertThat(NoteDate.parse(date.text())).contains(date);
        }
    }
}
