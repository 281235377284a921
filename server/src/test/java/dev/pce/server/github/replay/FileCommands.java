package dev.pce.server.github.replay;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code $GITHUB_OUTPUT} and {@code $GITHUB_ENV}: {@code name=value} lines, and {@code name<<DELIMITER} followed
 * by the value's lines and the delimiter alone on a line. A malformed file fails the step, as on GitHub.
 */
final class FileCommands {
    private FileCommands() {
    }

    /** @throws IllegalArgumentException with GitHub's words when the file is malformed */
    static Map<String, String> parse(String content, String command) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> lines = content.replace("\r\n", "\n").lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.indexOf('=');
            int heredoc = line.indexOf("<<");
            if (heredoc >= 0 && (equals < 0 || heredoc < equals)) {
                String name = line.substring(0, heredoc);
                String delimiter = line.substring(heredoc + 2);
                if (name.isEmpty() || delimiter.isEmpty()) {
                    throw new IllegalArgumentException("Unable to process file command '" + command
                            + "' successfully. Invalid format '" + line + "'");
                }
                StringBuilder value = new StringBuilder();
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).equals(delimiter)) {
                    value.append(end > i + 1 ? "\n" : "").append(lines.get(end));
                    end++;
                }
                if (end == lines.size()) {
                    throw new IllegalArgumentException("Unable to process file command '" + command
                            + "' successfully. Matching delimiter not found '" + delimiter + "'");
                }
                values.put(name, value.toString());
                i = end;
            } else if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            } else {
                throw new IllegalArgumentException("Unable to process file command '" + command
                        + "' successfully. Invalid format '" + line + "'");
            }
        }
        return values;
    }
}
