package dev.pce.server.github.replay;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a string into words as a POSIX shell does, without running anything: whitespace separates, single quotes
 * keep everything, double quotes keep all but {@code \"} and {@code \\}, a backslash escapes the next character.
 * Lines starting with {@code #} are comments (claude-code-action strips them from {@code claude_args}).
 */
final class ShellWords {
    private ShellWords() {
    }

    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        String withoutComments = String.join("\n", text.lines().filter(line -> !line.strip().startsWith("#"))
                .toList());
        char quote = 0;
        for (int i = 0; i < withoutComments.length(); i++) {
            char c = withoutComments.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < withoutComments.length()
                        && "\"\\$`".indexOf(withoutComments.charAt(i + 1)) >= 0) {
                    word.append(withoutComments.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                if (word == null) {
                    word = new StringBuilder();
                }
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\' && i + 1 < withoutComments.length()) {
                    word.append(withoutComments.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed " + quote + " quote in: " + text);
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
