package dev.pce.server.prompts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The prompts the server offers, read from the markdown files of {@code prompts/} that the build packs into the
 * jar: front matter (name, title, description, arguments with name, description, required, default, text; see
 * {@link FrontMatterLines} for the YAML subset) and the text. A file that breaks these rules fails the build's tests, not a user's session.
 */
public final class PromptCatalog {
    /** The prompt files, in the order they are listed; a test checks it against the prompts/ folder. */
    public static final List<String> NAMES = List.of("ce-plan", "ce-exec", "ce-review", "ce-pr", "ce-capture",
            "ce-learn", "ce-parallel-plan", "ce-parallel-build", "ce-parallel-review", "ce-parallel-status");

    private PromptCatalog() {
    }

    public static List<PromptTemplate> load() {
        List<PromptTemplate> prompts = new ArrayList<>(NAMES.size());
        for (String name : NAMES) {
            prompts.add(parse(name, read("/prompts/" + name + ".md")));
        }
        return List.copyOf(prompts);
    }

    /** Parses one prompt file; {@code name} is the file's name without {@code .md}. */
    public static PromptTemplate parse(String name, String markdown) {
        String text = markdown.replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            throw invalid(name, "does not start with a front matter block (---)");
        }
        int end = text.indexOf("\n---\n", 4);
        if (end < 0) {
            throw invalid(name, "has no line --- that closes its front matter");
        }
        FrontMatterLines.Parsed front;
        try {
            front = FrontMatterLines.parse(text.substring(4, end));
        } catch (IllegalArgumentException e) {
            throw invalid(name, "has front matter PCE cannot read: " + e.getMessage());
        }
        String declared = front.values().getOrDefault("name", "");
        if (!name.equals(declared)) {
            throw invalid(name, "names itself '" + declared + "'; the name must be the file's");
        }
        String description = front.values().getOrDefault("description", "");
        if (description.isBlank()) {
            throw invalid(name, "has no description");
        }
        List<PromptTemplate.Argument> arguments = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map<String, String> argument : front.lists().getOrDefault("arguments", List.of())) {
            String argumentName = argument.getOrDefault("name", "");
            if (argumentName.isBlank() || !seen.add(argumentName)) {
                throw invalid(name, "has an argument without a name, or one name twice");
            }
            arguments.add(new PromptTemplate.Argument(argumentName, argument.getOrDefault("description", ""),
                    Boolean.parseBoolean(argument.getOrDefault("required", "false")),
                    Optional.ofNullable(argument.get("default")),
                    Boolean.parseBoolean(argument.getOrDefault("text", "false"))));
        }
        if (arguments.stream().anyMatch(PromptTemplate.Argument::text) && arguments.size() > 1) {
            // clients split a typed line on spaces: free text can only be the whole line, so it stands alone
            throw invalid(name, "has a text argument beside others; a text argument must be the only one");
        }
        PromptTemplate template = new PromptTemplate(name, front.values().getOrDefault("title", name), description,
                arguments, text.substring(end + 5));
        for (String placeholder : template.placeholders()) {
            if (!seen.contains(placeholder)) {
                throw invalid(name, "uses {{" + placeholder + "}}, which is none of its arguments");
            }
        }
        return template;
    }

    private static String read(String resource) {
        try (InputStream in = PromptCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing prompt " + resource + " in the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt " + resource, e);
        }
    }

    private static IllegalStateException invalid(String name, String problem) {
        return new IllegalStateException("The prompt file prompts/" + name + ".md " + problem + ".");
    }
}
