package dev.pce.server.prompts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the small YAML subset prompt files use: {@code key: value} lines, and one list of maps
 * ({@code arguments:} then {@code - key: value} items with indented {@code key: value} lines). Values are one line,
 * plain or in double quotes. A YAML library would read the same files, but loading it costs a server hundreds of
 * milliseconds at start-up, before its first answer.
 */
final class FrontMatterLines {

    /** The parsed front matter: top-level values and the items of list keys. */
    record Parsed(Map<String, String> values, Map<String, List<Map<String, String>>> lists) {
    }

    private FrontMatterLines() {
    }

    /** @throws IllegalArgumentException naming the line that is not of the subset */
    static Parsed parse(String frontMatter) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, List<Map<String, String>>> lists = new LinkedHashMap<>();
        List<Map<String, String>> currentList = null;
        Map<String, String> currentItem = null;
        String[] lines = frontMatter.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]);
            if (line.isBlank()) {
                continue;
            }
            String trimmed = line.strip();
            boolean indented = Character.isWhitespace(line.charAt(0));
            if (!indented) {
                String[] pair = pair(trimmed, i);
                if (pair[1].isEmpty()) {
                    currentList = new ArrayList<>();
                    lists.put(pair[0], currentList);
                } else {
                    values.put(pair[0], pair[1]);
                    currentList = null;
                }
                currentItem = null;
            } else if (currentList != null && trimmed.startsWith("- ")) {
                currentItem = new LinkedHashMap<>();
                currentList.add(currentItem);
                String[] pair = pair(trimmed.substring(2).strip(), i);
                currentItem.put(pair[0], pair[1]);
            } else if (currentItem != null) {
                String[] pair = pair(trimmed, i);
                currentItem.put(pair[0], pair[1]);
            } else {
                throw new IllegalArgumentException("line " + (i + 2) + " is indented outside a list: '" + trimmed + "'");
            }
        }
        return new Parsed(values, lists);
    }

    private static String[] pair(String text, int index) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("line " + (index + 2) + " is not 'key: value': '" + text + "'");
        }
        return new String[] {text.substring(0, colon).strip(), unquote(text.substring(colon + 1).strip(), index)};
    }

    private static String unquote(String value, int index) {
        if (!value.startsWith("\"")) {
            return value;
        }
        if (value.length() < 2 || !value.endsWith("\"")) {
            throw new IllegalArgumentException("line " + (index + 2) + " opens a quote it does not close");
        }
        return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }

    /** A '#' after a space starts a comment, unless it is inside quotes. */
    private static String stripComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && (i == 0 || line.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (c == '#' && !quoted && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
