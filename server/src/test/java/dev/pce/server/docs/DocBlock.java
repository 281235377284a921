package dev.pce.server.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One fenced code block of a markdown file: its language and the attributes after it on the fence line
 * ({@code ```json tool=ce_plan} has language {@code json} and attribute {@code tool=ce_plan}; GitHub shows the
 * language and ignores the rest), and its text with the fence's indentation removed.
 */
record DocBlock(Path file, int line, String language, Map<String, String> attributes, String body) {
    private static final Pattern FENCE = Pattern.compile("^(\\s*)```(.*)$");

    static List<DocBlock> readAll(Path markdown) throws IOException {
        List<String> lines = Files.readAllLines(markdown);
        List<DocBlock> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int indent = open.group(1).length();
            String[] info = open.group(2).strip().split("\\s+");
            StringBuilder body = new StringBuilder();
            int start = i + 1;
            for (i = start; i < lines.size() && !FENCE.matcher(lines.get(i)).matches(); i++) {
                String text = lines.get(i);
                body.append(text, Math.min(indent, leadingSpaces(text)), text.length()).append('\n');
            }
            if (i == lines.size()) {
                throw new IllegalStateException(markdown + ":" + start + ": a code block is never closed");
            }
            blocks.add(new DocBlock(markdown, start, info[0], attributes(info), body.toString()));
        }
        return blocks;
    }

    Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** The first line when it is a comment naming a file of the project ({@code // .ce/rules/docs.drl}). */
    Optional<String> namedFile() {
        String first = body.lines().findFirst().orElse("").strip();
        Matcher comment = Pattern.compile("^(?://|#)\\s*(\\.?[\\w.-]+(?:/[\\w.-]+)+|\\.[\\w.-]+/[\\w.-]+)\\s*$")
                .matcher(first);
        return comment.matches() ? Optional.of(comment.group(1)) : Optional.empty();
    }

    String where() {
        return file.getFileName() + ":" + line;
    }

    private static Map<String, String> attributes(String[] info) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 1; i < info.length; i++) {
            int eq = info[i].indexOf('=');
            attributes.put(eq < 0 ? info[i] : info[i].substring(0, eq), eq < 0 ? "" : info[i].substring(eq + 1));
        }
        return attributes;
    }

    private static int leadingSpaces(String text) {
        int n = 0;
        while (n < text.length() && text.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    @Override
    public String toString() {
        return where() + " ```" + language + (attributes.isEmpty() ? "" : " " + attributes);
    }
}
