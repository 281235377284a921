package dev.pce.server.claude;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;
import dev.pce.server.node.Checkout;
import dev.pce.server.prompts.PromptCatalog;
import dev.pce.server.prompts.PromptTemplate;
import dev.pce.server.tools.ToolOutput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PCE used from the real Claude Code CLI, end to end: a fresh git repository set up with {@code ce init} exactly as
 * the README says, the CLI starting {@code ce serve} itself from the generated {@code .mcp.json}, and only the model
 * replaced by a scripted stand-in. Each scenario asserts on what the CLI sent to the model and on PCE's event log.
 */
class ClaudeCodeIT {
    private static final String PLAN = "mcp__pce__ce_plan";
    private static final String STATUS = "mcp__pce__ce_status";
    private static final Pattern AGENT = Pattern.compile("builder-\\d+");
    private static final Pattern WORKFLOW = Pattern.compile("wf-\\d{8}-\\d{6}-[0-9a-f]{6}");
    /** PCE's tools as Claude Code puts them into every request to the model (names, descriptions, input schemas). */
    private static final int MAX_TOOL_CONTEXT_BYTES = 19_550; // 18,500 until ce_note_edit (about 1,050 bytes)

    private static final AtomicInteger TESTS_RUN = new AtomicInteger();

    @TempDir
    Path temp;
    private Path project;
    private String initOutput;

    @BeforeEach
    void newProjectSetUpWithCeInit() throws Exception {
        TESTS_RUN.incrementAndGet();
        project = ClaudeCode.gitRepository(temp.resolve("project"));
        initOutput = ClaudeCode.ceInit(project);
    }

    /**
     * README's Claude Code section shows only commands these tests ran (checked when the whole class ran): the
     * steps a user follows are the ones proven here.
     */
    @AfterAll
    static void theReadmeShowsOnlyStepsTheseTestsTook() throws IOException {
        long tests = java.util.Arrays.stream(ClaudeCodeIT.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Test.class)).count();
        if (TESTS_RUN.get() < tests) {
            return;
        }
        Set<String> run = new HashSet<>();
        for (String line : ClaudeCode.commandsRun()) {
            run.add(anyWorkflow(line.replace(Checkout.root().toString(), "/absolute/path/to/pce")));
        }
        List<String> shown = readmeCommands();
        assertThat(shown).as("commands of README's Claude Code section").isNotEmpty();
        assertThat(shown.stream().map(ClaudeCodeIT::anyWorkflow).toList()).isSubsetOf(run);
    }

    /** The command lines of the {@code sh} blocks of README's section "Use it from Claude Code". */
    private static List<String> readmeCommands() throws IOException {
        String readme = Files.readString(Checkout.root().resolve("README.md"));
        int start = readme.indexOf("## Use it from Claude Code\n");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        List<String> commands = new ArrayList<>();
        boolean inShell = false;
        for (String line : section.lines().map(String::strip).toList()) {
            if (line.startsWith("```")) {
                inShell = !inShell && line.equals("```sh");
            } else if (inShell && !line.isEmpty() && !line.startsWith("#")) {
                commands.add(line);
            }
        }
        return commands;
    }

    private static String anyWorkflow(String line) {
        return WORKFLOW.matcher(line).replaceAll("wf-ID");
    }

    @Test
    void afterCeInitClaudeListsThePceServerAsConnectedWithNoManualStep() throws Exception {
        assertThat(initOutput).contains("wrote     .mcp.json", "wrote     .claude/settings.local.json",
                "wrote     .claude/agents/ce-builder.md", "wrote     .claude/commands/ce-plan.md");
        try (ModelStandIn model = ModelStandIn.start(request -> Turn.text("unused"))) {
            ClaudeCode.Run list = claude(model).run("mcp", "list");

            assertThat(list.exitCode()).as(list.stderr()).isZero();
            assertThat(list.stdout()).containsPattern("pce: .*/ce serve - \\S* ?Connected");
            assertThat(list.stdout()).doesNotContain("Pending approval");
        }
    }

    @Test
    void aServerAddedByHandWithClaudeMcpAddConnectsToo() throws Exception {
        Path other = ClaudeCode.gitRepository(temp.resolve("by-hand"));
        try (ModelStandIn model = ModelStandIn.start(request -> Turn.text("unused"))) {
            ClaudeCode claude = new ClaudeCode(temp.resolve("home"), other, model.baseUrl());
            ClaudeCode.Run add = claude.run("mcp", "add", "pce", "--", Checkout.ceScript().toString(), "serve");
            assertThat(add.exitCode()).as(add.stdout() + add.stderr()).isZero();

            ClaudeCode.Run list = claude.run("mcp", "list");
            assertThat(list.stdout()).containsPattern("pce: .*/ce serve - \\S* ?Connected");
        }
    }

    @Test
    void everyCommandGetsEachArgumentInItsPlaceInThePromptTheCliSends() throws Exception {
        String workflow = "wf-20261207-101500-e2e0c0";
        Map<String, List<String>> typed = new LinkedHashMap<>();
        typed.put("ce-plan", List.of("add per-client rate limiting, keeping the public API unchanged"));
        typed.put("ce-exec", List.of(workflow, "builder-2"));
        typed.put("ce-review", List.of(workflow, "reviewer-1"));
        typed.put("ce-pr", List.of(workflow, "build/test-results,build/jacoco.xml"));
        typed.put("ce-capture", List.of("failure: the Redis mock hides timeouts that production shows"));
        typed.put("ce-learn", List.of(workflow));
        typed.put("ce-parallel-plan", List.of("split the billing service into three modules with 4 builders"));
        typed.put("ce-parallel-build", List.of(workflow, "5"));
        typed.put("ce-parallel-review", List.of(workflow, "3"));
        typed.put("ce-parallel-status", List.of(workflow));
        assertThat(typed.keySet()).containsExactlyInAnyOrderElementsOf(PromptCatalog.NAMES);

        try (ModelStandIn model = ModelStandIn.start(request -> Turn.text("noted"))) {
            ClaudeCode claude = claude(model);
            for (Map.Entry<String, List<String>> command : typed.entrySet()) {
                claude.run("-p", "/" + command.getKey() + " " + String.join(" ", command.getValue()),
                        "--output-format", "json").succeeded();
                String sent = expandedCommand(model.requests().getLast(), command.getKey());
                PromptTemplate prompt = prompt(command.getKey());
                assertThat(sent).as(command.getKey()).startsWith(prompt.fill(argument -> command.getValue()
                        .get(prompt.arguments().indexOf(argument))).stripTrailing());
            }
            // an optional word left out is empty where it goes, and the command names its default
            claude.run("-p", "/ce-exec " + workflow, "--output-format", "json").succeeded();
            assertThat(expandedCommand(model.requests().getLast(), "ce-exec"))
                    .contains("Work through workflow " + workflow + " as agent , one task at a time.")
                    .contains("Arguments left empty above take their defaults: agent agent-1.");
            assertThat(model.scriptFailures()).isEmpty();
        }
    }

    @Test
    void aParallelBuildRunsThreeBuilderSubagentsWhoseClaimsOverlapUntilTheWorkflowCompletes() throws Exception {
        CountDownLatch allClaimed = new CountDownLatch(3);
        Set<String> mainTurns = ConcurrentHashMap.newKeySet();
        ModelStandIn.Script script = request -> {
            if (request.isSubagent()) {
                String prompt = String.join("\n", request.userTexts());
                return BuilderTurns.next(request, BuilderTurns.workflowId(prompt), agentIn(prompt), agent -> {
                    allClaimed.countDown(); // a model takes its time: each builder works until all three hold a task
                    assertThat(allClaimed.await(90, TimeUnit.SECONDS)).as("three builders claimed").isTrue();
                });
            }
            return mainAgentOfParallelBuild(request, mainTurns);
        };
        try (ModelStandIn model = ModelStandIn.start(script)) {
            ClaudeCode claude = claude(model);
            claude.run("-p", "/ce-parallel-plan per-client rate limiting with three builders", "--allowedTools",
                    PLAN, "--output-format", "json").succeeded();
            String workflow = onlyWorkflow();
            ClaudeCode.Run run = claude.run("-p", "/ce-parallel-build " + workflow + " 3", "--allowedTools",
                    BuilderTurns.CLAIM + " " + BuilderTurns.COMPLETE, "--output-format", "stream-json", "--verbose")
                    .succeeded();

            assertThat(model.scriptFailures()).isEmpty();
            assertThat(mainTurns).containsExactlyInAnyOrder("plan", "agents", "status", "done");
            List<ModelRequest> subagents = model.requests().stream().filter(ModelRequest::isSubagent).toList();
            assertThat(subagents.stream().map(r -> r.agentId().orElseThrow()).distinct()).hasSize(3);
            assertThat(subagents).allSatisfy(request -> {
                assertThat(request.systemText()).contains("You are a builder of a PCE workflow.");
                assertThat(request.toolNames()).contains(BuilderTurns.CLAIM, BuilderTurns.COMPLETE)
                        .doesNotContain(PLAN);
            });
            JsonNode init = run.events().getFirst();
            assertThat(init.path("subtype").asText()).isEqualTo("init");
            assertThat(init.path("agents").toString()).contains("ce-builder", "ce-planner", "ce-reviewer");

            List<JsonNode> events = events(workflow);
            Map<String, Instant> claimed = times(events, "task.claimed");
            Map<String, Instant> completed = times(events, "task.completed");
            assertThat(claimed.keySet()).containsExactlyInAnyOrder("build-store", "build-filter", "build-headers");
            assertThat(completed.keySet()).isEqualTo(claimed.keySet());
            Set<String> agents = new HashSet<>();
            events.stream().filter(e -> e.path("type").asText().equals("task.claimed"))
                    .forEach(e -> agents.add(e.path("source").asText()));
            assertThat(agents).containsExactlyInAnyOrder("builder-1", "builder-2", "builder-3");
            Instant lastClaim = claimed.values().stream().max(Instant::compareTo).orElseThrow();
            Instant firstCompletion = completed.values().stream().min(Instant::compareTo).orElseThrow();
            assertThat(lastClaim).as("every claim began before any ended: the three ran at once")
                    .isBefore(firstCompletion);
            assertThat(run.result().path("result").asText()).contains("completed");
        }
    }

    @Test
    void headlessClaudeRunsTheGeneratedCommandsWithTheReadOnlyToolsAllowedByCeInit() throws Exception {
        Map<String, String> state = new ConcurrentHashMap<>();
        ModelStandIn.Script script = request -> {
            if (request.userTextContaining("<command-name>/ce-plan</command-name>").isPresent()) {
                return planCommand(request, state);
            }
            if (request.userTextContaining("<command-name>/ce-exec</command-name>").isPresent()) {
                String text = expandedCommand(request, "ce-exec");
                Matcher agent = AGENT.matcher(text);
                assertThat(agent.find()).isTrue();
                return BuilderTurns.next(request, BuilderTurns.workflowId(text), agent.group(), ignored -> {
                });
            }
            if (request.userTextContaining("<command-name>/ce-parallel-status</command-name>").isPresent()) {
                return request.lastResultOf(STATUS).isPresent()
                        ? Turn.text("phase " + BuilderTurns.json(request.lastResultOf(STATUS).get())
                                .path("workflow").path("phase").asText())
                        : Turn.call(STATUS, Map.of("workflow_id", BuilderTurns.workflowId(
                                expandedCommand(request, "ce-parallel-status"))));
            }
            throw new IllegalStateException("unexpected conversation: " + request.userTexts());
        };
        try (ModelStandIn model = ModelStandIn.start(script)) {
            ClaudeCode claude = claude(model);
            claude.run("-p", "/ce-plan add per-client rate limiting", "--allowedTools", PLAN,
                    "--output-format", "json").succeeded();
            String workflow = onlyWorkflow();
            assertThat(state).containsEntry("searched", "rate limiting").containsEntry("workflow", workflow);

            claude.run("-p", "/ce-exec " + workflow + " builder-1", "--allowedTools",
                    BuilderTurns.CLAIM + " " + BuilderTurns.COMPLETE, "--output-format", "json").succeeded();
            JsonNode status = claude.run("-p", "/ce-parallel-status " + workflow, "--output-format", "json")
                    .succeeded().result();

            assertThat(model.scriptFailures()).isEmpty();
            assertThat(status.path("result").asText()).isEqualTo("phase completed");
            List<JsonNode> events = events(workflow);
            assertThat(times(events, "task.completed")).hasSize(3);
            assertThat(events).filteredOn(e -> e.path("type").asText().equals("task.claimed"))
                    .allSatisfy(e -> assertThat(e.path("source").asText()).isEqualTo("builder-1"));
        }
    }

    @Test
    void theServersPromptsAreSlashCommandsOfClaudeCodeAndGetTheirArgumentsWhole() throws Exception {
        String workflow = "wf-20261207-101500-e2e0c1";
        try (ModelStandIn model = ModelStandIn.start(request -> Turn.text("noted"))) {
            ClaudeCode claude = claude(model);
            claude.run("-p", "/mcp__pce__ce-exec " + workflow + " builder-2", "--output-format", "json").succeeded();
            assertThat(expandedCommand(model.requests().getLast(), "mcp__pce__ce-exec"))
                    .isEqualTo(prompt("ce-exec").render(Map.of("workflow_id", workflow, "agent", "builder-2")));

            String goal = "add per-client rate limiting, keeping the public API unchanged";
            claude.run("-p", "/mcp__pce__ce-plan " + goal, "--output-format", "json").succeeded();
            ModelRequest plan = model.requests().getLast();
            // Claude Code hands each prompt argument one word, and the model the whole line beside the prompt
            assertThat(plan.userTextContaining("<command-args>" + goal + "</command-args>")).isPresent();
            assertThat(expandedCommand(plan, "mcp__pce__ce-plan")).startsWith("Plan this change as a PCE "
                    + "workflow: the goal typed after the command (all of <command-args> above, every word)");
            assertThat(model.scriptFailures()).isEmpty();
        }
    }

    @Test
    void aThousandTaskPlanReachesTheModelAsAnAnswerClaudeCodeAccepts() throws Exception {
        ModelStandIn.Script script = request -> request.lastResultOf(PLAN).isEmpty()
                ? Turn.call(PLAN, independentBuilds("A thousand parts", 1_000))
                : Turn.text("planned");
        try (ModelStandIn model = ModelStandIn.start(script)) {
            claude(model).run("-p", "Plan a thousand parts.", "--allowedTools", PLAN, "--output-format", "json")
                    .succeeded();

            ModelRequest.ToolResult plan = model.requests().getLast().lastResultOf(PLAN).orElseThrow();
            assertThat(plan.isError()).as(plan.text()).isFalse();
            assertThat(plan.text().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(ToolOutput.MAX_BYTES);
            JsonNode answer = Json.mapper().readTree(plan.text());
            assertThat(answer.path("task_count").asInt()).isEqualTo(1_000);
            assertThat(answer.path("truncated").path("more").asText()).contains("ce_status (offset, limit)");
            // what every session pays for PCE's tools: their names, descriptions and input schemas, as sent
            int toolBytes = 0;
            for (JsonNode tool : model.requests().getFirst().body().path("tools")) {
                if (tool.path("name").asText().startsWith("mcp__pce__")) {
                    toolBytes += tool.toString().getBytes(StandardCharsets.UTF_8).length;
                }
            }
            assertThat(toolBytes).isPositive().isLessThanOrEqualTo(MAX_TOOL_CONTEXT_BYTES);
            assertThat(model.scriptFailures()).isEmpty();
        }
    }

    /**
     * The main agent of {@code /ce-parallel-plan} (plan) and {@code /ce-parallel-build} (start as many builder
     * subagents at once as the command says, then read the status).
     */
    private static Turn mainAgentOfParallelBuild(ModelRequest request, Set<String> turns) throws IOException {
        if (request.userTextContaining("<command-name>/ce-parallel-plan</command-name>").isPresent()) {
            assertThat(expandedCommand(request, "ce-parallel-plan"))
                    .startsWith("Plan for parallel work: per-client rate limiting with three builders\n");
            if (request.lastResultOf(PLAN).isEmpty()) {
                turns.add("plan");
                return Turn.call(PLAN, threeIndependentBuilds("Per-client rate limiting"));
            }
            return Turn.text("Planned " + BuilderTurns.json(request.lastResultOf(PLAN).get()).path("workflow_id"));
        }
        String command = expandedCommand(request, "ce-parallel-build");
        String workflow = BuilderTurns.workflowId(command);
        if (request.lastResultOf(STATUS).isPresent()) {
            turns.add("done");
            JsonNode status = BuilderTurns.json(request.lastResultOf(STATUS).get());
            return Turn.text("The workflow is " + status.path("workflow").path("phase").asText() + ".");
        }
        if (!request.lastToolResults().isEmpty()) { // the subagents reported back
            assertThat(request.lastToolResults()).hasSize(3).allSatisfy(result ->
                    assertThat(result.tool()).isEqualTo("Agent"));
            turns.add("status");
            return Turn.call(STATUS, Map.of("workflow_id", workflow));
        }
        Matcher builders = Pattern.compile("one planner, (\\d+)\\s+builders").matcher(command);
        assertThat(builders.find()).as(command).isTrue();
        turns.add("agents");
        List<Turn.Block> agents = new ArrayList<>();
        for (int i = 1; i <= Integer.parseInt(builders.group(1)); i++) {
            agents.add(Turn.use("Agent", Map.of("description", "builder-" + i, "subagent_type", "ce-builder",
                    "prompt", "You are builder-" + i + ". Work on PCE workflow " + workflow + ": claim tasks of the "
                            + "builders pool and complete them until none is left.")));
        }
        return new Turn(agents);
    }

    /** The scripted model of {@code /ce-plan}: search past learnings, then plan. */
    private static Turn planCommand(ModelRequest request, Map<String, String> state) throws IOException {
        String command = expandedCommand(request, "ce-plan");
        assertThat(command).startsWith("Plan this change as a PCE workflow: add per-client rate limiting\n");
        if (request.lastResultOf("mcp__pce__ce_search").isPresent()) {
            BuilderTurns.json(request.lastResultOf("mcp__pce__ce_search").get());
            return Turn.call(PLAN, threeIndependentBuilds("add per-client rate limiting"));
        }
        if (request.lastResultOf(PLAN).isPresent()) {
            String workflow = BuilderTurns.json(request.lastResultOf(PLAN).get()).path("workflow_id").asText();
            state.put("workflow", workflow);
            return Turn.text("Planned " + workflow + ".");
        }
        state.put("searched", "rate limiting");
        return Turn.call("mcp__pce__ce_search", Map.of("query", "rate limiting"));
    }

    private static Map<String, Object> threeIndependentBuilds(String goal) {
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (String part : List.of("store", "filter", "headers")) {
            tasks.add(Map.of("id", "build-" + part, "title", "Build the rate limit " + part, "kind", "implement",
                    "estimate", "30m", "writes", List.of("src/ratelimit/" + part + ".java")));
        }
        return Map.of("goal", goal, "agent", "planner-1", "tasks", tasks);
    }

    private static Map<String, Object> independentBuilds(String goal, int count) {
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(Map.of("id", "part-" + i, "title", "Build part " + i, "kind", "implement", "estimate", "30m",
                    "writes", List.of("src/parts/Part" + i + ".java")));
        }
        return Map.of("goal", goal, "agent", "planner-1", "tasks", tasks);
    }

    private ClaudeCode claude(ModelStandIn model) {
        return new ClaudeCode(temp.resolve("home"), project, model.baseUrl());
    }

    /** The text of the command the CLI expanded: the user text right after the one naming the command. */
    private static String expandedCommand(ModelRequest request, String command) {
        List<String> texts = request.userTexts();
        for (int i = 0; i < texts.size() - 1; i++) {
            if (texts.get(i).contains("<command-name>/" + command + "</command-name>")) {
                return texts.get(i + 1);
            }
        }
        throw new AssertionError("no expanded /" + command + " in " + texts);
    }

    private static String agentIn(String text) {
        Matcher agent = AGENT.matcher(text);
        if (!agent.find()) {
            throw new IllegalStateException("no builder name in: " + text);
        }
        return agent.group();
    }

    private static PromptTemplate prompt(String name) {
        return PromptCatalog.load().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** The one workflow in the project's workspace (the default one: .ce-workspace at the repository's top). */
    private String onlyWorkflow() throws IOException {
        try (var dirs = Files.list(project.resolve(".ce-workspace").resolve("workflows"))) {
            List<String> ids = dirs.map(dir -> dir.getFileName().toString()).toList();
            assertThat(ids).hasSize(1);
            return ids.getFirst();
        }
    }

    private List<JsonNode> events(String workflow) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(project.resolve(".ce-workspace/workflows").resolve(workflow)
                .resolve("events.jsonl"))) {
            events.add(Json.mapper().readTree(line));
        }
        return events;
    }

    /** When each task had an event of {@code type} (its last one). */
    private static Map<String, Instant> times(List<JsonNode> events, String type) {
        Map<String, Instant> times = new HashMap<>();
        for (JsonNode event : events) {
            if (event.path("type").asText().equals(type)) {
                times.put(event.path("payload").path("task_id").asText(), Instant.parse(event.path("time").asText()));
            }
        }
        return times;
    }
}
