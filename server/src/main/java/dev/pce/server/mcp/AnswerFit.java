package dev.pce.server.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.server.tools.ToolOutput;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps every tool answer within what clients accept. Claude Code refuses a tool result over 25,000 tokens
 * ({@code MAX_MCP_OUTPUT_TOKENS}) and hands the model the structured content when there is one, else the text;
 * a token is at least one byte of UTF-8, so each of the two at {@link ToolOutput#MAX_BYTES} bytes or less is under
 * that limit whatever the tokenizer. Tools page their large answers themselves (ce_status, ce_events); this is the bound for
 * every answer, including the ones no test foresaw: what it cuts it names, so nothing is dropped silently.
 */
final class AnswerFit {
    static final int MAX_BYTES = ToolOutput.MAX_BYTES;
    /** Room kept for the note that says what was cut. */
    private static final int NOTE_BYTES = 1_500;
    private static final int NOTED_CUTS = 8;
    static final String MORE = "Cut to stay under " + MAX_BYTES + " bytes, what clients such as Claude Code accept. "
            + "Ask for less: the tool's limit, offset or after arguments page through long lists, and ce_status "
            + "(offset, limit) and ce_events (after) page through any workflow's tasks and history.";

    private AnswerFit() {
    }

    static ToolOutput fit(ToolOutput output) {
        boolean textIsTheJson = output.text().equals(output.structuredJson());
        String structured = output.structuredJson();
        if (!fits(structured) || !output.listTotals().isEmpty()) {
            structured = trimmed(structured, output.pagedList(), output.listTotals());
        }
        String text = textIsTheJson ? structured : fitText(output.text());
        return text == output.text() && structured == output.structuredJson() ? output
                : new ToolOutput(structured, text, output.pagedList());
    }

    /** A text answer (an error's, say) cut to the bound. */
    static String fitText(String text) {
        return fits(text) ? text : cutText(text);
    }

    private static String trimmed(String json, Optional<String> pagedList, Map<String, Integer> listTotals) {
        try {
            JsonNode tree = Json.plain().readTree(json);
            if (!(tree instanceof ObjectNode root)) {
                throw new IllegalStateException("a tool answered JSON that is not an object");
            }
            List<JsonTrimmer.Cut> cuts = JsonTrimmer.trim(root, MAX_BYTES - NOTE_BYTES, pagedList, listTotals);
            root.set("truncated", note(cuts));
            return Json.plain().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tool answered structured content that is not JSON", e);
        }
    }

    /** {@code {"more": ..., "cuts": [{"path", "kept", "total", "of"}...], "more_cuts": n}}: what is missing. */
    private static ObjectNode note(List<JsonTrimmer.Cut> cuts) {
        ObjectNode note = Json.plain().createObjectNode();
        note.put("more", MORE);
        ArrayNode list = note.putArray("cuts");
        for (JsonTrimmer.Cut cut : cuts.subList(0, Math.min(NOTED_CUTS, cuts.size()))) {
            list.addObject().put("path", cut.path()).put("kept", cut.kept()).put("total", cut.total())
                    .put("of", cut.what());
        }
        if (cuts.size() > NOTED_CUTS) {
            note.put("more_cuts", cuts.size() - NOTED_CUTS);
        }
        return note;
    }

    /** The text's first lines that fit, and a line saying how much is missing. */
    private static String cutText(String text) {
        int limit = MAX_BYTES - NOTE_BYTES;
        int end = 0;
        int used = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int length = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (used + length > limit) {
                break;
            }
            used += length;
            end += Character.charCount(codePoint);
        }
        int lineEnd = text.lastIndexOf('\n', end);
        int keep = lineEnd > end / 2 ? lineEnd + 1 : end;
        return text.substring(0, keep) + "\n[" + (text.length() - keep) + " more characters left out. " + MORE + "]\n";
    }

    /** Whether {@code text} is at most {@link #MAX_BYTES} bytes of UTF-8 (a char is at most 3 of them). */
    static boolean fits(String text) {
        return text.length() <= MAX_BYTES / 3 || text.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }
}
