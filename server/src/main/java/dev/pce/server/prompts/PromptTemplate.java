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
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One prompt: its name, title, description, arguments and the text with {@code {{argument}}} placeholders.
 *
 * @param body the markdown after the front matter
 */
public record PromptTemplate(String name, String title, String description, List<Argument> arguments, String body) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    /**
     * An argument the prompt takes; {@code defaultValue} is used when it is not given. A {@code text} argument is
     * free text of several words (a goal, a learning); every other argument is one word (an id, a name, a number),
     * which is what lets clients that split a typed line on spaces hand each word to its argument.
     */
    public record Argument(String name, String description, boolean required, Optional<String> defaultValue,
                           boolean text) {
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

    /** The prompt's free-text argument, if it has one (then it is its only argument). */
    public Optional<Argument> textArgument() {
        return arguments.stream().filter(Argument::text).findFirst();
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
        return fill(argument -> Optional.ofNullable(values.get(argument.name())).filter(v -> !v.isBlank())
                .or(argument::defaultValue).orElse(""));
    }

    /**
     * The text with every placeholder replaced by what {@code slot} gives for its argument: a value, or a reference
     * such as a Claude Code command's {@code $0}. Placeholders are checked against the arguments when the prompt is
     * read, so each has one.
     */
    public String fill(Function<Argument, String> slot) {
        Matcher m = PLACEHOLDER.matcher(body);
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            Argument argument = arguments.stream().filter(a -> a.name().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("{{" + key + "}} is none of " + name + "'s arguments"));
            m.appendReplacement(text, Matcher.quoteReplacement(slot.apply(argument)));
        }
        m.appendTail(text);
        return text.toString();
    }

    private List<String> names() {
        return arguments.stream().map(Argument::name).toList();
    }
}
