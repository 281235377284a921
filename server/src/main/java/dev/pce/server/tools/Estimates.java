package dev.pce.server.tools;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a task estimate: a number of minutes, or a duration such as "45m", "2h", "1h30m", "1.5h". */
public final class Estimates {
    private static final Pattern DURATION =
            Pattern.compile("\\s*(?:(\\d+(?:\\.\\d+)?)\\s*h)?\\s*(?:(\\d+(?:\\.\\d+)?)\\s*m(?:in)?)?\\s*");

    private Estimates() {
    }

    public static double minutes(JsonNode value, String where) {
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isTextual()) {
            String text = value.asText().trim().toLowerCase(Locale.ROOT);
            if (text.matches("\\d+(\\.\\d+)?")) {
                return Double.parseDouble(text);
            }
            Matcher matcher = DURATION.matcher(text);
            if (!text.isEmpty() && matcher.matches() && (matcher.group(1) != null || matcher.group(2) != null)) {
                double hours = matcher.group(1) == null ? 0 : Double.parseDouble(matcher.group(1));
                double minutes = matcher.group(2) == null ? 0 : Double.parseDouble(matcher.group(2));
                return hours * 60 + minutes;
            }
        }
        throw ToolArgs.invalid(where + " must be minutes (a number) or a duration like \"45m\", \"2h\" or \"1h30m\","
                + " got " + ToolArgs.kind(value) + ".", "Send the estimate as, for example, 30 or \"1h30m\".");
    }
}
