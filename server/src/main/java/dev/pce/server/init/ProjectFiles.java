package dev.pce.server.init;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.server.prompts.PromptCatalog;
import dev.pce.server.prompts.PromptTemplate;
import dev.pce.server.tools.ToolCatalog;
import dev.pce.server.tools.ToolDefinition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files {@code ce init} puts into a repository so Claude Code uses PCE: the MCP server entry, its approval and
 * the permission rules of its read-only tools, the planner, builder and reviewer subagents, and the workflows as
 * slash commands (the same texts as the server's prompts).
 */
public final class ProjectFiles {
    public static final String MCP_JSON = ".mcp.json";
    /**
     * Claude Code's settings of one person in one project (not shared through git): where a project's
     * {@code .mcp.json} servers are approved. The shared {@code .claude/settings.json} cannot approve them.
     */
    public static final String LOCAL_SETTINGS = ".claude/settings.local.json";
    /** How Claude Code names a tool of the pce server, in permission rules and agents' tool lists. */
    static final String TOOL_PREFIX = "mcp__pce__";
    static final List<String> AGENTS = List.of("ce-planner", "ce-builder", "ce-reviewer");

    private ProjectFiles() {
    }

    /** Every file by its path relative to the repository, in the order they are written. */
    public static Map<String, String> all(String launcher) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(MCP_JSON, mcpJson(launcher));
        files.put(LOCAL_SETTINGS, pretty(localSettings()));
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

    /**
     * The approval of the pce server and permission to call its read-only tools without asking; the tools that
     * change a workflow or write notes still ask (or need {@code --allowedTools} in headless runs).
     */
    static ObjectNode localSettings() {
        ObjectNode settings = Json.mapper().createObjectNode();
        settings.putArray("enabledMcpjsonServers").add("pce");
        var allow = settings.putObject("permissions").putArray("allow");
        readOnlyTools().forEach(allow::add);
        return settings;
    }

    /** PCE's tools that only read, as Claude Code names them: what their contracts declare. */
    static List<String> readOnlyTools() {
        return ToolCatalog.TOOL_NAMES.stream().filter(name -> ToolDefinition.load(name).annotations().readOnly())
                .map(name -> TOOL_PREFIX + name).toList();
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
     * A prompt as a Claude Code command. Claude Code replaces {@code $ARGUMENTS} with the whole line typed after the
     * command and {@code $0}, {@code $1}, ... with its words (counted from 0, split as a shell splits them, so a
     * quoted phrase is one word; a word not typed becomes empty). A free-text argument is the whole line; one-word
     * arguments take their positions, and those left out are named with their defaults at the end.
     */
    static String command(PromptTemplate prompt) {
        List<PromptTemplate.Argument> arguments = prompt.arguments();
        String body = prompt.fill(argument -> argument.text() ? "$ARGUMENTS" : "$" + arguments.indexOf(argument));
        List<String> defaults = arguments.stream()
                .filter(argument -> !argument.required() && argument.defaultValue().filter(v -> !v.isBlank()).isPresent())
                .map(argument -> argument.name() + " " + argument.defaultValue().orElseThrow())
                .toList();
        if (!defaults.isEmpty()) {
            body = body.stripTrailing() + "\n\nArguments left empty above take their defaults: "
                    + String.join("; ", defaults) + ".\n";
        }
        String hint = String.join(" ", arguments.stream()
                .map(argument -> argument.required() ? "<" + argument.name() + ">" : "[" + argument.name() + "]")
                .toList());
        return "---\ndescription: " + yamlString(prompt.description()) + "\nargument-hint: " + yamlString(hint)
                + "\n---\n" + body;
    }

    /** A YAML double-quoted scalar: JSON's string syntax is a subset of it, so any text stays one plain string. */
    private static String yamlString(String value) {
        try {
            return Json.plain().writeValueAsString(value.replace('\n', ' '));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
