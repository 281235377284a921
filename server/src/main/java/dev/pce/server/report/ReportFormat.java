package dev.pce.server.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;

/** How the text and HTML reports write figures: durations people read at a glance, "-" for what is undefined. */
final class ReportFormat {
    static final String NONE = "-";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private ReportFormat() {
    }

    /** 850 ms, 12.3 s, 3m 05s, 2h 03m, 3d 04h. */
    static String duration(double seconds) {
        if (seconds < 1) {
            return Math.round(seconds * 1000) + " ms";
        }
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long whole = Math.round(seconds);
        if (whole < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", whole / 60, whole % 60);
        }
        if (whole < 86_400) {
            return String.format(Locale.ROOT, "%dh %02dm", whole / 3600, whole % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%dd %02dh", whole / 86_400, whole % 86_400 / 3600);
    }

    static String duration(OptionalDouble seconds) {
        return seconds.isPresent() ? duration(seconds.getAsDouble()) : NONE;
    }

    /** 0.537 as "54%". */
    static String percent(OptionalDouble share) {
        return share.isPresent() ? percent(share.getAsDouble()) : NONE;
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /** 2.214 as "2.21x". */
    static String ratio(OptionalDouble ratio) {
        return ratio.isPresent() ? String.format(Locale.ROOT, "%.2fx", ratio.getAsDouble()) : NONE;
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }
}
