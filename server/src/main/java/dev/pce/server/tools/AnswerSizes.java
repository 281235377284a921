package dev.pce.server.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;

import java.util.List;
import java.util.Map;

/**
 * Sizes of JSON in an answer, as the server's cutting of answers counts them: the bytes a value takes written out,
 * and the fewest it can take once cut (its texts cut to a mark, its lists emptied; names and numbers stay).
 */
public final class AnswerSizes {
    /** What ends a cut text. */
    public static final String CUT_MARK = " [...]";

    private AnswerSizes() {
    }

    /** A string as JSON writes it: quoted, with escapes, in UTF-8. */
    public static int textSize(String text) {
        int size = 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                size += 2;
            } else if (c < 0x20) {
                size += c == '\n' || c == '\t' || c == '\r' || c == '\b' || c == '\f' ? 2 : 6;
            } else if (c < 0x80) {
                size += 1;
            } else if (c < 0x800 || Character.isSurrogate(c)) {
                size += 2; // a surrogate pair is 4 bytes, 2 per half
            } else {
                size += 3;
            }
        }
        return size;
    }

    /** The fewest bytes {@code node} can take once cut: its texts a cut mark at most, its lists empty. */
    public static long smallest(JsonNode node) {
        if (node instanceof ObjectNode object) {
            long size = 2 + Math.max(0, object.size() - 1);
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                size += textSize(field.getKey()) + 1 + smallest(field.getValue());
            }
            return size;
        }
        if (node.isArray()) {
            return 2; // a list can be cut to none
        }
        if (node.isTextual()) {
            return Math.min(textSize(node.asText()), 2 + CUT_MARK.length());
        }
        return node.toString().length();
    }

    /**
     * How many of {@code items}, from the first, an answer could hold at most: past the count whose smallest sizes
     * fill {@link ToolOutput#MAX_BYTES}, no cut answer keeps an item, so a tool need not write the rest out for the
     * server to cut (twice that count, as a margin for the few bytes a value may read back differently).
     */
    public static int mostThatFit(List<?> items) {
        long size = 2;
        for (int i = 0; i < items.size(); i++) {
            size += smallestOf(items.get(i)) + 1;
            if (size > ToolOutput.MAX_BYTES) {
                return Math.min(items.size(), 2 * (i + 1));
            }
        }
        return items.size();
    }

    /** {@link #smallest} of a value as it will be written: a list is cut to none, a text to a mark at most. */
    private static long smallestOf(Object value) {
        return switch (value) {
            case List<?> list -> 2;
            case String text -> Math.min(textSize(text), 2 + CUT_MARK.length());
            case null, default -> smallest(Json.mapper().valueToTree(value));
        };
    }
}
