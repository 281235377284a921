package dev.pce.server.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * What a tool answers: the structured content (matching the tool's output schema) as serialized JSON, and the text
 * a client shows to a model or a person. For most tools the text is the same JSON; a tool whose answer can be large
 * gives a digest instead, so a model is not handed hundreds of kilobytes when a page of text says the same.
 *
 * <p>The structured content is serialized once, straight from the result records, and sent as is: building a
 * JSON tree first for the protocol layer to walk again cost more than the tool's own work on big answers.
 */
public record ToolOutput(String structuredJson, String text, Optional<String> pagedList,
                         Map<String, Integer> listTotals) {
    /**
     * The most bytes of UTF-8 the structured content, and the text, of an answer may have. Claude Code refuses a tool
     * result over 25,000 tokens and a token is at least one byte, so this keeps every answer within the limit
     * whatever the tokenizer; tools that page size their pages by it, and the server cuts what is still larger.
     */
    public static final int MAX_BYTES = 24_000;

    /**
     * @param pagedList  the list (a JSON pointer) the tool pages itself, cut last
     * @param listTotals lists (JSON pointers) the tool already cut to a prefix longer than any answer can hold, each
     *                   with its items in full: the server cuts them further and names these totals
     */
    public ToolOutput {
        listTotals = Map.copyOf(listTotals);
    }

    public ToolOutput(String structuredJson, String text, Optional<String> pagedList) {
        this(structuredJson, text, pagedList, Map.of());
    }

    /** The value as structured content, and the same JSON as text. */
    public static ToolOutput json(Object value) {
        String json = write(value);
        return new ToolOutput(json, json, Optional.empty());
    }

    /** The value as structured content, with its own text. */
    public static ToolOutput withText(Object value, String text) {
        return new ToolOutput(write(value), text, Optional.empty());
    }

    /**
     * The same answer, whose list at {@code pointer} (a JSON pointer) the tool pages itself, sizing each page to fit
     * an answer: the server shortens other parts before it drops any of that list's items, so the tool's cursor
     * stays right.
     */
    public ToolOutput pagedAt(String pointer) {
        return new ToolOutput(structuredJson, text, Optional.of(pointer), listTotals);
    }

    /**
     * The same answer, whose lists at the pointers of {@code totals} the tool serialized only a prefix of (a plan of
     * 100,000 tasks would be 40 MB of JSON to build and then cut); each with its items in full, for the note that
     * says what was cut.
     */
    public ToolOutput cutBefore(Map<String, Integer> totals) {
        return new ToolOutput(structuredJson, text, pagedList, totals);
    }

    /** The structured content as a tree (for callers inside the process, such as tests). */
    public JsonNode structured() {
        try {
            return Json.mapper().readTree(structuredJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tool output is not JSON", e);
        }
    }

    /** The bytes {@code value} takes in an answer's JSON (for tools that size their pages). */
    public static int sizeOf(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8).length;
    }

    private static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tool result is not serializable", e);
        }
    }
}
