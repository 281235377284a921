package dev.pce.server.init;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.server.prompts.PromptCatalog;
import dev.pce.server.prompts.PromptTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files {@code ce init} puts into a repository so Claude Code uses PCE: the MCP server entry, the planner,
 * builder and reviewer subagents, and the workflows as slash commands (the same texts as the server's prompts).
 */
public final class ProjectFiles {
    public static final String MCP_JSON = ".mcp.json";
    static final List<String> AGENTS = List.of("ce-planner", "ce-builder", "ce-reviewer");

    private ProjectFiles() {
    }

    /** Every file by its path relative to the repository, in the order they are written. */
    public static Map<String, String> all(String launcher) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(MCP_JSON, mcpJson(launcher));
        for (String agent : AGENTS) {
            files.put(".claude/agents/" + agent + ".md", resource("/init/agents/" + agent + ".md"));
        }
        for (PromptTemplate prompt : PromptCatalog.load()) {
            files.put(".claude/commands/" + prompt.name() + ".md", command(prompt));
        }
        return files;
    }

    /** {@code .mcp.json} with the one server entry. */
    static String mcpJson(String launcher) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.putObject("mcpServers").set("pce", serverEntry(launcher));
        return pretty(root);
    }

    static ObjectNode serverEntry(String launcher) {
        ObjectNode entry = Json.mapper().createObjectNode().put("command", launcher);
        entry.putArray("args").add("serve");
        return entry;
    }

    static String pretty(ObjectNode json) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A prompt as a Claude Code command: its arguments become {@code $1}, {@code $2}, ... in order (one argument:
     * {@code $ARGUMENTS}, the whole line typed after the command).
     */
    static String command(PromptTemplate prompt) {
        List<PromptTemplate.Argument> arguments = prompt.arguments();
        Map<String, String> positions = new LinkedHashMap<>();
        StringBuilder hint = new StringBuilder();
        for (int i = 0; i < arguments.size(); i++) {
            PromptTemplate.Argument argument = arguments.get(i);
            positions.put(argument.name(), arguments.size() == 1 ? "$ARGUMENTS" : "$" + (i + 1));
            hint.append(i == 0 ? "" : " ").append(argument.required() ? "<" : "[").append(argument.name())
                    .append(argument.required() ? ">" : "]");
        }
        String body = prompt.body();
        for (Map.Entry<String, String> position : positions.entrySet()) {
            body = body.replaceAll("\\{\\{\\s*" + position.getKey() + "\\s*}}",
                    java.util.regex.Matcher.quoteReplacement(position.getValue()));
        }
        return "---\ndescription: " + prompt.description().replace("\n", " ") + "\nargument-hint: " + hint
                + "\n---\n" + body;
    }

    private static String resource(String path) {
        try (InputStream in = ProjectFiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path + " in the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
