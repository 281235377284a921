package dev.pce.pkm.note;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code date} of a note as written: a day ({@code 2024-08-24}), a local date and time
 * ({@code 2024-08-24 16:04} or {@code 2024-08-24T16:04:05}, Obsidian's templates write these), or a date and time
 * with an offset ({@code 2024-08-24T16:04:00Z}, {@code 2024-08-24T16:04+02:00}).
 */
public sealed interface NoteDate {

    /** The value as written: a {@link LocalDate}, a {@link LocalDateTime} or an {@link OffsetDateTime}. */
    Temporal value();

    /** The calendar day, for filters. */
    default LocalDate day() {
        return LocalDate.from(value());
    }

    /** The moment, with {@code zone} for dates without an offset (a day means its start). */
    Instant instant(ZoneId zone);

    /** The ISO text written back into front matter; {@link #parse} reads it back to an equal value. */
    default String text() {
        return value().toString();
    }

    /** A day. */
    record Day(LocalDate value) implements NoteDate {
        public Day {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Instant instant(ZoneId zone) {
            return value.atStartOfDay(zone).toInstant();
        }
    }

    /** A date and time without offset. */
    record Local(LocalDateTime value) implements NoteDate {
        public Local {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Instant instant(ZoneId zone) {
            return value.atZone(zone).toInstant();
        }
    }

    /** A date and time with an offset from UTC. */
    record Zoned(OffsetDateTime value) implements NoteDate {
        public Zoned {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Instant instant(ZoneId zone) {
            return value.toInstant();
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
