package dev.pce.server.init;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.pce.engine.Json;
import dev.pce.server.prompts.PromptCatalog;
import dev.pce.server.prompts.PromptTemplate;
import dev.pce.server.tools.ToolCatalog;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code ce init} writes, read as Claude Code reads it: strict YAML front matter with its documented keys. */
class ProjectFilesTest {
    /** The front matter keys Claude Code documents for slash commands. */
    private static final Set<String> COMMAND_KEYS = Set.of("description", "argument-hint", "allowed-tools", "model",
            "disable-model-invocation");
    /** The front matter keys Claude Code documents for subagents. */
    private static final Set<String> AGENT_KEYS = Set.of("name", "description", "tools", "disallowedTools", "model",
            "permissionMode", "skills", "hooks", "color", "mcpServers", "memory");
    private static final YAMLMapper STRICT_YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final Pattern TOOL_NAME = Pattern.compile("mcp__pce__([a-z_]+)");

    private final Map<String, String> files = ProjectFiles.all("/opt/pce/ce");

    @Test
    void everyCommandAndAgentHasFrontMatterThatIsStrictYamlWithDocumentedKeysOnly() throws Exception {
        List<String> markdown = files.keySet().stream().filter(path -> path.endsWith(".md")).toList();
        assertThat(markdown).hasSize(PromptCatalog.NAMES.size() + ProjectFiles.AGENTS.size());
        for (String path : markdown) {
            JsonNode front = frontMatter(files.get(path));
            Set<String> documented = path.startsWith(".claude/agents/") ? AGENT_KEYS : COMMAND_KEYS;
            assertThat(keys(front)).as(path).isSubsetOf(documented).contains("description");
            front.properties().forEach(field -> assertThat(field.getValue().isTextual())
                    .as("%s: %s is a string", path, field.getKey()).isTrue());
        }
        // the description that broke strict validation: an unquoted ": " inside it
        assertThat(frontMatter(files.get(".claude/commands/ce-parallel-status.md")).path("description").asText())
                .isEqualTo(prompt("ce-parallel-status").description());
    }

    @Test
    void commandsPutFreeTextInArgumentsAndEachWordInItsZeroBasedPosition() {
        for (PromptTemplate prompt : PromptCatalog.load()) {
            String command = files.get(".claude/commands/" + prompt.name() + ".md");
            String body = command.substring(command.indexOf("\n---\n") + 5);
            assertThat(body).as(prompt.name()).doesNotContain("{{");
            for (int i = 0; i < prompt.arguments().size(); i++) {
                PromptTemplate.Argument argument = prompt.arguments().get(i);
                if (prompt.placeholders().contains(argument.name())) {
                    assertThat(body).as(prompt.name() + " " + argument.name())
                            .contains(argument.text() ? "$ARGUMENTS" : "$" + i);
                }
            }
            assertThat(body).as(prompt.name()).doesNotContain("$" + prompt.arguments().size());
        }
        assertThat(files.get(".claude/commands/ce-exec.md"))
                .contains("argument-hint: \"<workflow_id> [agent]\"", "Work through workflow $0 as agent $1,",
                        "Arguments left empty above take their defaults: agent agent-1.");
        assertThat(files.get(".claude/commands/ce-plan.md"))
                .contains("argument-hint: \"<goal>\"", "Plan this change as a PCE workflow: $ARGUMENTS\n");
    }

    @Test
    void agentsNameOnlyToolsTheServerHasAndToolsThisClaudeCodeHas() {
        for (String agent : ProjectFiles.AGENTS) {
            String text = files.get(".claude/agents/" + agent + ".md");
            Matcher tools = TOOL_NAME.matcher(text);
            Set<String> named = new HashSet<>();
            while (tools.find()) {
                named.add(tools.group(1));
            }
            assertThat(named).as(agent).isNotEmpty().isSubsetOf(ToolCatalog.TOOL_NAMES);
            // Claude Code 2.1 has no Grep or Glob tool: an agent naming them silently gets neither
            assertThat(frontMatterText(text)).as(agent).doesNotContain("Grep", "Glob");
        }
    }

    @Test
    void localSettingsApproveTheServerAndAllowExactlyTheReadOnlyTools() throws Exception {
        JsonNode settings = Json.mapper().readTree(files.get(ProjectFiles.LOCAL_SETTINGS));
        assertThat(settings.path("enabledMcpjsonServers").toString()).isEqualTo("[\"pce\"]");
        List<String> allowed = Json.mapper().convertValue(settings.path("permissions").path("allow"),
                Json.mapper().getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(allowed).containsExactlyInAnyOrder("mcp__pce__ce_status", "mcp__pce__ce_events",
                "mcp__pce__ce_search", "mcp__pce__ce_note", "mcp__pce__ce_predict");
    }

    private static JsonNode frontMatter(String markdown) throws Exception {
        return STRICT_YAML.readTree(frontMatterText(markdown));
    }

    private static String frontMatterText(String markdown) {
        assertThat(markdown).startsWith("---\n");
        return markdown.substring(4, markdown.indexOf("\n---\n", 4) + 1);
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new HashSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static PromptTemplate prompt(String name) {
        return PromptCatalog.load().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
}
