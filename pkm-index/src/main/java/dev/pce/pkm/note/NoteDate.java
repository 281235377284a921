package dev.pce.pkm.note;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code date} of a note as written: a day ({@code 2024-08-24}), a local date and time
 * ({@code 2024-08-24 16:04} or {@code 2024-08-24T16:04:05}, Obsidian's templates write these), or a date and time
 * with an offset ({@code 2024-08-24T16:04:00Z}, {@code 2024-08-24T16:04+02:00}).
 */
public sealed interface NoteDate {

    /** The calendar day, for filters. */
    LocalDate day();

    /** The moment, with {@code zone} for dates without an offset (a day means its start). */
    Instant instant(ZoneId zone);

    /** The ISO text written back into front matter; {@link #parse} reads it back to an equal value. */
    String text();

    /** A day. */
    record Day(LocalDate date) implements NoteDate {
        public Day {
            Objects.requireNonNull(date, "date");
        }

        @Override
        public LocalDate day() {
            return date;
        }

        @Override
        public Instant instant(ZoneId zone) {
            return date.atStartOfDay(zone).toInstant();
        }

        @Override
        public String text() {
            return date.toString();
        }
    }

    /** A date and time without offset. */
    record Local(LocalDateTime dateTime) implements NoteDate {
        public Local {
            Objects.requireNonNull(dateTime, "dateTime");
        }

        @Override
        public LocalDate day() {
            return dateTime.toLocalDate();
        }

        @Override
        public Instant instant(ZoneId zone) {
            return dateTime.atZone(zone).toInstant();
        }

        @Override
        public String text() {
            return dateTime.toString();
        }
    }

    /** A date and time with an offset from UTC. */
    record Zoned(OffsetDateTime dateTime) implements NoteDate {
        public Zoned {
            Objects.requireNonNull(dateTime, "dateTime");
        }

        @Override
        public LocalDate day() {
            return dateTime.toLocalDate();
        }

        @Override
        public Instant instant(ZoneId zone) {
            return dateTime.toInstant();
        }

        @Override
        public String text() {
            return dateTime.toString();
        }
    }

    /** Reads a date in one of the three forms; a space may stand for the {@code T}. Empty if it is none. */
    static Optional<NoteDate> parse(String text) {
        String value = text.strip();
        if (value.length() < 10) {
            return Optional.empty();
        }
        if (value.length() > 10 && value.charAt(10) == ' ') {
            value = value.substring(0, 10) + "T" + value.substring(11).strip();
        }
        try {
            if (value.length() == 10) {
                return Optional.of(new Day(LocalDate.parse(value)));
            }
            DateTimeFormatter withOffset = new DateTimeFormatterBuilder()
                    .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                    .optionalStart().appendLiteral(' ').optionalEnd()
                    .appendOffsetId()
                    .toFormatter();
            boolean hasOffset = value.endsWith("Z") || value.endsWith("z")
                    || value.substring(10).matches(".*[+-]\\d{2}(:?\\d{2})?(:?\\d{2})?$");
            if (hasOffset) {
                String normalized = value.endsWith("z") ? value.substring(0, value.length() - 1) + "Z" : value;
                return Optional.of(new Zoned(OffsetDateTime.parse(normalized, withOffset)));
            }
            return Optional.of(new Local(LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
