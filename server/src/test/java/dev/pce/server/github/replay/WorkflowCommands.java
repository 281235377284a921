package dev.pce.server.github.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workflow commands a step prints ({@code ::error file=a.java,line=3::message}), read line by line from its stdout
 * and stderr as the runner reads them: annotations, masks, the deprecated {@code set-output}, the disabled
 * {@code set-env} and {@code add-path}, and {@code stop-commands}. Other lines and unknown commands are plain output.
 */
final class WorkflowCommands {
    final List<Annotation> annotations = new ArrayList<>();
    final List<String> masks = new ArrayList<>();
    final Map<String, String> outputs = new LinkedHashMap<>();
    /** A disabled command was used: the step fails. */
    boolean failed;
    private String stopToken;

    void read(String output) {
        for (String raw : output.lines().toList()) {
            String line = raw.stripLeading();
            if (!line.startsWith("::")) {
                continue;
            }
            int end = line.indexOf("::", 2);
            if (end < 0) {
                continue;
            }
            String head = line.substring(2, end);
            String data = unescape(line.substring(end + 2), false);
            int space = head.indexOf(' ');
            String command = space < 0 ? head : head.substring(0, space);
            if (stopToken != null) {
                if (command.equals(stopToken)) {
                    stopToken = null;
                }
                continue;
            }
            Map<String, String> properties = properties(space < 0 ? "" : head.substring(space + 1));
            switch (command) {
                case "error", "warning", "notice" -> annotations.add(annotation(command, data, properties));
                case "add-mask" -> {
                    if (!data.isEmpty()) {
                        masks.add(data);
                    }
                }
                case "stop-commands" -> stopToken = data;
                case "set-output" -> {
                    outputs.put(properties.getOrDefault("name", ""), data);
                    annotations.add(Annotation.warning("The `set-output` command is deprecated and will be "
                            + "disabled soon. Please upgrade to using Environment Files."));
                }
                case "set-env", "add-path" -> {
                    failed = true;
                    annotations.add(Annotation.error("Unable to process command '" + raw.strip() + "' successfully. "
                            + "The `" + command + "` command is disabled. Please upgrade to using Environment "
                            + "Files or opt into unsecure command execution by setting the "
                            + "`ACTIONS_ALLOW_UNSECURE_COMMANDS` environment variable to `true`."));
                }
                default -> {
                    // debug, group, endgroup, echo, save-state: nothing a test asserts on
                }
            }
        }
    }

    private static Annotation annotation(String level, String message, Map<String, String> properties) {
        return new Annotation(level, message, properties.get("file"), number(properties.get("line")),
                number(properties.get("endLine")), number(properties.get("col")),
                number(properties.get("endColumn")), properties.get("title"));
    }

    private static Integer number(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, String> properties(String text) {
        Map<String, String> properties = new HashMap<>();
        for (String pair : text.split(",")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                properties.put(pair.substring(0, equals).strip(), unescape(pair.substring(equals + 1), true));
            }
        }
        return properties;
    }

    /** {@code %25 %0D %0A} in data; in property values also {@code %3A %2C}. */
    private static String unescape(String text, boolean property) {
        String out = text.replace("%0D", "\r").replace("%0A", "\n");
        if (property) {
            out = out.replace("%3A", ":").replace("%2C", ",");
        }
        return out.replace("%25", "%");
    }
}
