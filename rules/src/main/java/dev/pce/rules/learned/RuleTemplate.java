package dev.pce.rules.learned;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DRL rule with named slots, {@code @{slot}}, that validated pattern values fill. Nothing else of a pattern
 * reaches the DRL: the template's text is PCE's, the slots' values passed {@link Slots}.
 *
 * <p>Not drools-templates: its MVEL templates evaluate expressions, while these slots only ever take values, and a
 * filler this small can be read in full.
 *
 * @param location the class-path location it was read from, for messages
 * @param slots    every slot the text names
 */
record RuleTemplate(String location, String text, Set<String> slots) {
    private static final Pattern SLOT = Pattern.compile("@\\{([A-Za-z]+)}");

    RuleTemplate {
        slots = Set.copyOf(slots);
    }

    /** The template at {@code location} on the class path of {@code loader}. */
    static RuleTemplate load(ClassLoader loader, String location) {
        try (InputStream in = loader.getResourceAsStream(location)) {
            if (in == null) {
                throw new CeException(ErrorCode.INTERNAL, "The rule template " + location
                        + " is not on the class path.", "This is a defect in PCE's packaging; rebuild the rules jar.");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Set<String> slots = new LinkedHashSet<>();
            Matcher matcher = SLOT.matcher(text);
            while (matcher.find()) {
                slots.add(matcher.group(1));
            }
            return new RuleTemplate(location, text, slots);
        } catch (IOException e) {
            throw new CeException(ErrorCode.INTERNAL, "Cannot read the rule template " + location + ": "
                    + e.getMessage(), "This is a defect in PCE's packaging; rebuild the rules jar.", e);
        }
    }

    /**
     * The DRL with every slot filled.
     *
     * @param values validated values, exactly one per slot
     * @throws IllegalArgumentException when the values do not match the slots (a defect: template and filler
     *                                  disagree)
     */
    String fill(Map<String, String> values) {
        if (!values.keySet().equals(slots)) {
            throw new IllegalArgumentException("the template " + location + " has the slots " + new TreeSet<>(slots)
                    + " but was given " + new TreeSet<>(values.keySet()));
        }
        return SLOT.matcher(text).replaceAll(match -> Matcher.quoteReplacement(values.get(match.group(1))));
    }
}
