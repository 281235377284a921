package dev.pce.engine.evidence;

/** The first non-blank line of a tool's message, kept short: a finding's message is a summary, not a log. */
final class FirstLine {

    static final int MAX_CHARS = 500;

    private FirstLine() {
    }

    /** The first non-blank line of {@code text}, stripped and cut to {@link #MAX_CHARS}; empty if there is none. */
    static String of(String text) {
        if (text == null) {
            return "";
        }
        for (String line : text.lines().toList()) {
            String stripped = line.strip();
            if (!stripped.isEmpty()) {
                return stripped.length() <= MAX_CHARS ? stripped : stripped.substring(0, MAX_CHARS - 1) + "…";
            }
        }
        return "";
    }
}
