package dev.pce.server.prompts;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One prompt: its name, title, description, arguments and the text with {@code {{argument}}} placeholders.
 *
 * @param body the markdown after the front matter
 */
public record PromptTemplate(String name, String title, String description, List<Argument> arguments, String body) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    /** An argument the prompt takes; {@code defaultValue} is used when it is not given. */
    public record Argument(String name, String description, boolean required, Optional<String> defaultValue) {
        public Argument {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(defaultValue, "defaultValue");
        }
    }

    public PromptTemplate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(body, "body");
    }

    /** The placeholders the body uses, in order of first use. */
    public Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(body);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * The text with every placeholder replaced by its argument's value, else its default, else nothing.
     *
     * @throws CeException {@link ErrorCode#INVALID_ARGUMENT} when a required argument is missing or blank, or an
     *                     argument is not one of the prompt's
     */
    public String render(Map<String, String> values) {
        List<String> unknown = values.keySet().stream()
                .filter(key -> arguments.stream().noneMatch(argument -> argument.name().equals(key))).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "The prompt " + name + " has no argument "
                    + String.join(", ", unknown) + ".", "Use its arguments: " + names() + ".");
        }
        List<String> missing = new ArrayList<>();
        for (Argument argument : arguments) {
            String value = values.get(argument.name());
            if (argument.required() && (value == null || value.isBlank())) {
                missing.add(argument.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "The prompt " + name + " needs "
                    + String.join(", ", missing) + ".", "Give a value for each required argument.");
        }
        Matcher m = PLACEHOLDER.matcher(body);
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String value = Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank())
                    .or(() -> argument(key).flatMap(Argument::defaultValue)).orElse("");
            m.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        m.appendTail(text);
        return text.toString();
    }

    private Optional<Argument> argument(String key) {
        return arguments.stream().filter(argument -> argument.name().equals(key)).findFirst();
    }

    private List<String> names() {
        return arguments.stream().map(Argument::name).toList();
    }
}
