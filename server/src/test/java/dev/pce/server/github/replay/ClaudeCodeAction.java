package dev.pce.server.github.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.server.claude.ClaudeCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code anthropics/claude-code-action@v1} in agent mode (a {@code prompt} given): the real Claude Code CLI runs
 * {@code claude -p PROMPT CLAUDE_ARGS...} in the workspace with the step's environment, {@code anthropic_api_key} as
 * {@code ANTHROPIC_API_KEY} and the replay's model stand-in as {@code ANTHROPIC_BASE_URL}. As the action does, it
 * writes {@code ~/.claude/settings.json} from {@code settings} with {@code enableAllProjectMcpServers}, and fails the
 * step when the result is an error; unlike the action (which only counts them), a refused tool fails it too, so a
 * workflow that forgot an {@code --allowedTools} does not pass unnoticed. The action's own GitHub MCP servers,
 * comments and branches are not replayed. Outputs: {@code conclusion}, {@code execution_file}, {@code session_id}.
 */
final class ClaudeCodeAction implements Action {
    @Override
    public String name() {
        return "anthropics/claude-code-action";
    }

    @Override
    public Map<String, String> inputs() {
        Map<String, String> inputs = new HashMap<>();
        for (String name : List.of("trigger_phrase", "assignee_trigger", "label_trigger", "base_branch",
                "branch_prefix", "branch_name_template", "allowed_bots", "allowed_non_write_users",
                "include_comments_by_actor", "exclude_comments_by_actor", "prompt", "settings", "anthropic_api_key",
                "claude_code_oauth_token", "anthropic_federation_rule_id", "anthropic_organization_id",
                "anthropic_service_account_id", "anthropic_workspace_id", "anthropic_oidc_audience", "github_token",
                "use_bedrock", "use_vertex", "use_foundry", "claude_args", "additional_permissions",
                "use_sticky_comment", "classify_inline_comments", "use_commit_signing", "ssh_signing_key", "bot_id",
                "bot_name", "track_progress", "include_fix_links", "path_to_claude_code_executable",
                "path_to_bun_executable", "display_report", "show_full_output", "plugins", "plugin_marketplaces")) {
            inputs.put(name, "");
        }
        return inputs;
    }

    @Override
    public boolean replays(String ref) {
        return Action.major(ref, "v1");
    }

    @Override
    public void run(ActionStep step) throws Exception {
        String prompt = step.input("prompt");
        if (prompt.isBlank()) {
            throw new StepFailure("claude-code-action without 'prompt' (tag mode: @claude mentions) is not replayed");
        }
        String apiKey = step.input("anthropic_api_key");
        if (apiKey.isEmpty() && step.input("claude_code_oauth_token").isEmpty()) {
            throw new StepFailure("Environment variable validation failed:\n  - Either ANTHROPIC_API_KEY or "
                    + "CLAUDE_CODE_OAUTH_TOKEN is required when using direct Anthropic API.");
        }
        String model = step.run.replay.model().orElseThrow(() -> new StepFailure("the replay has no model: give "
                + "WorkflowReplay.model(...) a ModelStandIn's base URL")).toString();
        writeSettings(step);
        List<String> arguments = new ArrayList<>(List.of("-p", prompt));
        arguments.addAll(ShellWords.split(step.input("claude_args")));
        arguments.addAll(List.of("--output-format", "stream-json", "--verbose"));
        Map<String, String> environment = new HashMap<>(step.environment);
        environment.put("ANTHROPIC_BASE_URL", model);
        putIfSet(environment, "ANTHROPIC_API_KEY", apiKey);
        putIfSet(environment, "CLAUDE_CODE_OAUTH_TOKEN", step.input("claude_code_oauth_token"));
        environment.putAll(ClaudeCode.QUIET);
        ClaudeCode.Run run = ClaudeCode.execute(ClaudeCode.executable(), arguments, step.workspace, environment,
                step.runnerTemp.resolve("claude-code"));
        step.stdout.append(run.stdout());
        step.stderr.append(run.stderr());
        List<JsonNode> events = events(run.stdout());
        Path executionFile = step.runnerTemp.resolve("claude-execution-output.json");
        ArrayNode all = Json.plain().createArrayNode();
        events.forEach(all::add);
        Files.writeString(executionFile, Json.plain().writerWithDefaultPrettyPrinter().writeValueAsString(all));
        step.outputs.put("execution_file", executionFile.toString());
        events.stream().filter(event -> event.path("type").asText().equals("system")).findFirst()
                .ifPresent(init -> step.outputs.put("session_id", init.path("session_id").asText()));
        JsonNode result = events.stream().filter(event -> event.path("type").asText().equals("result"))
                .reduce((first, second) -> second).orElse(null);
        step.outputs.put("conclusion", "failure");
        if (result == null) {
            throw new StepFailure("No result message received from Claude (exit code " + run.exitCode() + "): "
                    + run.stderr().strip());
        }
        if (!result.path("subtype").asText().equals("success") || result.path("is_error").asBoolean()) {
            throw new StepFailure("Claude execution failed: " + result.path("subtype").asText() + " "
                    + result.path("result").asText());
        }
        if (!result.path("permission_denials").isEmpty()) {
            throw new StepFailure("Claude Code refused tools the workflow did not allow (add them to claude_args' "
                    + "--allowedTools): " + result.get("permission_denials"));
        }
        step.outputs.put("conclusion", "success");
    }

    /** {@code settings} (JSON or a file's path) merged into {@code ~/.claude/settings.json}, project MCP servers on. */
    private static void writeSettings(ActionStep step) throws IOException, StepFailure {
        Path file = step.home.resolve(".claude/settings.json");
        ObjectNode settings = Files.exists(file) ? (ObjectNode) Json.plain().readTree(file.toFile())
                : Json.plain().createObjectNode();
        String input = step.input("settings").strip();
        if (!input.isEmpty()) {
            JsonNode given;
            try {
                given = Json.plain().readTree(input);
            } catch (IOException notJson) {
                Path path = step.path(input);
                if (!Files.isRegularFile(path)) {
                    throw new StepFailure("Failed to process settings input: no such file " + path);
                }
                given = Json.plain().readTree(path.toFile());
            }
            settings.setAll((ObjectNode) given);
        }
        settings.put("enableAllProjectMcpServers", true);
        Files.createDirectories(file.getParent());
        Files.writeString(file, Json.plain().writerWithDefaultPrettyPrinter().writeValueAsString(settings));
    }

    private static List<JsonNode> events(String stdout) {
        List<JsonNode> events = new ArrayList<>();
        for (String line : stdout.lines().toList()) {
            try {
                events.add(Json.plain().readTree(line));
            } catch (IOException notJson) {
                // the CLI's stream is one JSON event a line; anything else is not an event
            }
        }
        return events;
    }

    private static void putIfSet(Map<String, String> environment, String name, String value) {
        if (!value.isEmpty()) {
            environment.put(name, value);
        }
    }
}
