package dev.pce.server.it;

import dev.pce.server.it.CeProcess.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/** The ce command line of the built jar: help, status, workspace gc and the demo, as a user runs them. */
class CommandLineIT {
    private static final Path ROOT = Path.of(System.getProperty("pce.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path temp;


    private Run ce(Path workspace, String... arguments) throws IOException, InterruptedException {
        return CeProcess.ce(workspace, arguments);
    }

    /** Runs ce in {@code directory} (the process's working directory). */
    private Run ceIn(Path directory, Path workspace, String... arguments) throws IOException, InterruptedException {
        return CeProcess.run(Optional.of(directory), workspace, Map.of(), arguments);
    }

    private Run run(Optional<Path> directory, Path workspace, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        return CeProcess.run(directory, workspace, environment, arguments);
    }

    @Test
    void learnReportsTheEstimatesAndStoresThePatternAndItsRules() throws Exception {
        Path workspace = temp.resolve("ws-learn");
        String id;
        try (ServerUnderTest server = ServerUnderTest.start(workspace)) {
            id = server.ok("ce_plan", args("goal", "builds", "tasks", List.of(
                    args("id", "a", "title", "A", "kind", "build", "estimate", 0.002),
                    args("id", "b", "title", "B", "kind", "build", "estimate", 0.002),
                    args("id", "c", "title", "C", "kind", "build", "estimate", 0.002)))).path("workflow_id").asText();
            for (String task : List.of("a", "b", "c")) {
                var claim = server.ok("ce_claim", args("workflow_id", id, "pool", "builders", "agent", "b",
                        "task_id", task));
                Thread.sleep(300);
                server.ok("ce_complete", args("workflow_id", id, "task_id", task, "agent", "b",
                        "claim_id", claim.path("task").path("claim_id").asText()));
            }
        }

        Run learn = ce(workspace, "learn", id);

        assertThat(learn.exitCode()).as(learn.err()).isZero();
        assertThat(learn.out()).containsPattern("build +builders +3 tasks, actual/estimate median \\d")
                .contains("1 pattern(s) learned; the store is at version 1", "estimate:build: build takes",
                        "note patterns/", "Learned rules: version 1.");
        assertThat(ce(workspace, "rules", "history").out()).contains("estimate:build");
        assertThat(ce(workspace, "learn", "wf-20260101-000000-abcdef").err()).contains("does not exist");
    }

    @Test
    void initWritesTheClaudeCodeFilesOnceAndNeverOverwritesTheUsersWithoutForce() throws Exception {
        Path repo = Files.createDirectories(temp.resolve("repo"));
        Files.createDirectories(repo.resolve(".git"));
        Files.writeString(repo.resolve(".mcp.json"), "{\"mcpServers\": {\"github\": {\"command\": \"gh-mcp\"}}}\n");
        Path below = Files.createDirectories(repo.resolve("src"));

        Run first = ceIn(below, temp.resolve("ws-init"), "init");
        Run second = ceIn(below, temp.resolve("ws-init"), "init");
        Run forced = ceIn(below, temp.resolve("ws-init"), "init", "--force");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("kept      .mcp.json  (yours; --force to replace)",
                "wrote     .claude/agents/ce-builder.md", "wrote     .claude/commands/ce-plan.md");
        assertThat(second.out()).doesNotContain("wrote").contains("unchanged .claude/agents/ce-planner.md");
        assertThat(forced.out()).contains("merged    .mcp.json").contains("unchanged .claude/commands/ce-pr.md");
        var mcp = dev.pce.engine.Json.mapper().readTree(Files.readString(repo.resolve(".mcp.json")));
        assertThat(mcp.path("mcpServers").path("github").path("command").asText()).isEqualTo("gh-mcp");
        assertThat(mcp.path("mcpServers").path("pce").path("args").path(0).asText()).isEqualTo("serve");
        assertThat(Files.readString(repo.resolve(".claude/commands/ce-plan.md")))
                .contains("argument-hint: \"<goal>\"", "Plan this change as a PCE workflow: $ARGUMENTS");
        assertThat(Files.readString(repo.resolve(".claude/agents/ce-reviewer.md"))).contains("mcp__pce__ce_review");
        try (var files = Files.list(repo.resolve(".claude/commands"))) {
            assertThat(files.count()).isEqualTo(10);
        }
    }

    @Test
    void planMatrixListsTheReadyTasksForGitHubActions() throws Exception {
        Path workspace = temp.resolve("ws-matrix");
        String id;
        try (ServerUnderTest server = ServerUnderTest.start(workspace)) {
            id = server.ok("ce_plan", args("goal", "g", "tasks", List.of(
                    args("id", "api/v2:store", "title", "API", "kind", "build"),
                    args("id", "ui", "title", "UI", "kind", "build"),
                    args("id", "review", "title", "Review", "kind", "review", "depends_on",
                            List.of("api/v2:store", "ui"))))).path("workflow_id").asText();
        }
        Path outputs = Files.createFile(temp.resolve("github-output"));

        Run matrix = run(Optional.empty(), workspace, Map.of("GITHUB_OUTPUT", outputs.toString()), "plan",
                "--matrix", "--workflow", id, "--github-output");

        assertThat(matrix.exitCode()).as(matrix.err()).isZero();
        var json = dev.pce.engine.Json.mapper().readTree(matrix.out());
        List<String> tasks = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        json.path("include").forEach(entry -> {
            tasks.add(entry.path("task_id").asText());
            keys.add(entry.path("key").asText());
        });
        assertThat(tasks).containsExactly("api/v2:store", "ui");
        // artifact names may not hold / or :, so the key stands in; a safe id is its own key
        assertThat(keys.getFirst()).matches("api_v2_store-[0-9a-f]{8}");
        assertThat(keys.get(1)).isEqualTo("ui");
        assertThat(json.path("include").path(0).path("pool").asText()).isEqualTo("builders");
        assertThat(Files.readString(outputs)).isEqualTo("matrix=" + matrix.out().strip() + "\ntasks=2\nphase=active\n"
                + "more=true\n");
        assertThat(ce(workspace, "plan", "--matrix", "--workflow", id, "--pool", "reviewers").out().strip())
                .isEqualTo("{\"include\":[]}");
        Run outsideGitHub = ce(workspace, "plan", "--matrix", "--workflow", id, "--github-output");
        assertThat(outsideGitHub.exitCode()).isNotZero();
        assertThat(outsideGitHub.err()).contains("$GITHUB_OUTPUT is not set");
    }

    @Test
    void doctorFindsWrongSnapshotsAndStaleIndexesAndRepairsTheCaches() throws Exception {
        Path workspace = temp.resolve("ws-doctor");
        Path vault = Files.createDirectories(temp.resolve("doctor-vault"));
        Files.writeString(vault.resolve("note.md"), "# A note\nBody.\n");
        String id;
        try (ServerUnderTest server = ServerUnderTest.start(workspace)) {
            id = server.ok("ce_plan", args("goal", "doctor", "tasks", List.of(args("id", "a", "title", "A",
                    "kind", "build")))).path("workflow_id").asText();
        }
        Map<String, String> env = Map.of("CE_VAULT", vault.toString());

        Run healthy = run(Optional.empty(), workspace, env, "doctor");
        assertThat(healthy.exitCode()).as(healthy.out() + healthy.err()).isZero();
        assertThat(healthy.out()).contains("ok       workflow " + id + ": 1 events; no snapshot", "No problems.");

        // a snapshot that does not match the log (as a bug or a hand edit would leave it)
        Path events = workspace.resolve("workflows").resolve(id).resolve("events.jsonl");
        dev.pce.engine.workflow.WorkflowState state = new dev.pce.engine.workflow.WorkflowState(id);
        try (var log = dev.pce.engine.log.EventLog.open(events, java.time.Clock.systemUTC())) {
            log.readNew().forEach(state::apply);
        }
        var wrong = state.snapshot(Files.size(events));
        wrong = new dev.pce.engine.workflow.WorkflowSnapshot(wrong.format(), wrong.workflowId(), wrong.seq(),
                wrong.offset(), wrong.lastEventId(), "a goal the log never had", wrong.createdAt(), wrong.updatedAt(),
                wrong.tasks(), wrong.edges(), wrong.gates(), wrong.conflicts(), wrong.poolSizes(), wrong.editRequests());
        Path snapshot = events.resolveSibling("snapshot.json");
        dev.pce.engine.Json.mapper().writeValue(snapshot.toFile(), wrong);

        Run found = run(Optional.empty(), workspace, env, "doctor");
        assertThat(found.exitCode()).isEqualTo(1);
        assertThat(found.out()).contains("problem  workflow " + id, "differs from the replay", "1 problem(s) left.");
        Run repaired = run(Optional.empty(), workspace, env, "doctor", "--repair");
        assertThat(repaired.exitCode()).as(repaired.out()).isZero();
        assertThat(repaired.out()).contains("repaired workflow " + id, "repaired index of vault", "1 added");
        assertThat(snapshot).doesNotExist();
        assertThat(run(Optional.empty(), workspace, env, "doctor", "--repair").out())
                .contains("ok       index of vault", "0 added, 0 changed, 0 deleted");

        Files.writeString(events, "{not an event}\n" + Files.readString(events));
        Run corrupt = run(Optional.empty(), workspace, env, "doctor");
        assertThat(corrupt.exitCode()).isEqualTo(1);
        assertThat(corrupt.out()).contains("problem  workflow " + id, "line 1");
    }

    @Test
    void workspacePathNamesTheWorkspaceWithoutCreatingIt() throws Exception {
        Path workspace = temp.resolve("not-yet");

        Run path = ce(workspace, "workspace", "path");

        assertThat(path.exitCode()).isZero();
        assertThat(path.out().strip()).isEqualTo(workspace.toAbsolutePath().normalize().toString());
        assertThat(workspace).doesNotExist();
    }

    @Test
    void indexReadsOnlyWhatChangedAndRebuildsOnRequest() throws Exception {
        Path vault = temp.resolve("vault");
        Path sample = Path.of("..", "examples", "vault").toAbsolutePath().normalize();
        try (var files = Files.walk(sample)) {
            for (Path file : files.toList()) {
                Path copy = vault.resolve(sample.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        Path workspace = temp.resolve("ws-index");

        Run first = ce(workspace, "index", "--vault", vault.toString());
        Run second = ce(workspace, "index", "--vault", vault.toString());
        Run rebuilt = ce(workspace, "index", "--vault", vault.toString(), "--rebuild");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("5 added, 0 changed, 0 deleted", "5 notes in the index");
        assertThat(second.out()).contains("0 added, 0 changed, 0 deleted, 5 unchanged");
        assertThat(rebuilt.out()).contains("Rebuilt: 5 added", "5 notes in the index");
        try (var indexes = Files.list(workspace.resolve("index"))) {
            assertThat(indexes.map(dir -> dir.getFileName().toString())).as("named after the project and the folder")
                    .singleElement().asString().matches("ws-index-[0-9a-f]{8}");
        }
    }

    @Test
    void helpListsTheCommands() throws Exception {
        Run help = ce(temp, "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("serve", "status", "demo", "workspace", "bench");
    }

    @Test
    void statusShowsWorkflowsAndGcRemovesOnlyFinishedOnes() throws Exception {
        Path workspace = temp.resolve("ws");
        assertThat(ce(workspace, "status").out()).contains("No workflows yet");
        String finished;
        String active;
        try (ServerUnderTest server = ServerUnderTest.start(workspace)) {
            finished = server.ok("ce_plan", args("goal", "one task", "tasks",
                    List.of(args("id", "only", "title", "Only task", "kind", "build")))).path("workflow_id").asText();
            var claim = server.ok("ce_claim", args("workflow_id", finished, "pool", "builders", "agent", "b"));
            server.ok("ce_complete", args("workflow_id", finished, "task_id", "only",
                    "claim_id", claim.path("task").path("claim_id").asText(), "agent", "b"));
            active = server.ok("ce_plan", Plans.small()).path("workflow_id").asText();
        }
        Run list = ce(workspace, "status");
        assertThat(list.out()).contains(finished, "completed", active, "active", "Add a health endpoint");
        Run detail = ce(workspace, "status", active);
        assertThat(detail.out()).contains("design", "build-a", "planners", "Review  (waits for build-a, build-b)");
        assertThat(ce(workspace, "status", "--json", finished).out())
                .as("the same shape as ce_status's structured content").startsWith("{\n  \"workflow\" : {")
                .contains("\"phase\" : \"completed\"");
        assertThat(ce(workspace, "status", "--json").out()).contains("\"workflows\" : [", "\"unreadable\" : [ ]");
        Run unknown = ce(workspace, "status", "wf-missing");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("does not exist", "Fix:");

        Run dryRun = ce(workspace, "workspace", "gc", "--older-than", "0s", "--dry-run");
        assertThat(dryRun.out()).contains("would remove   " + finished).contains("kept           " + active);
        assertThat(ce(workspace, "status").out()).contains(finished);
        Run gc = ce(workspace, "workspace", "gc", "--older-than", "0s");
        assertThat(gc.out()).contains("removed        " + finished);
        assertThat(ce(workspace, "status").out()).doesNotContain(finished).contains(active);
        assertThat(ce(workspace, "workspace", "gc", "--older-than", "soon").err()).contains("is not an age");
    }

    /** CE_WORKSPACE names the user's workspace for every command, the demo's too; a named workspace is kept. */
    @Test
    void demoRunsTheWholeLoopToCompletionInTheWorkspaceCeWorkspaceNames() throws Exception {
        Path workspace = temp.resolve("ws-demo");

        Run demo = ce(workspace, "demo");

        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("PCE demo: workspace " + workspace + " (yours: it is kept)", "planned",
                        "claimed", "finished", "[completed, 100.0% done, 21 tasks]", "failed   test-audit",
                        "Kept the workspace; inspect it with: CE_WORKSPACE=" + workspace + " ./ce status");
        // the seed's claims, measured from the event log's times: 5+ agents at once, 60%+ less time
        Matcher measured = Pattern.compile("Measured from the event log: (\\d+) agents worked at once at the peak; "
                + ".* time: (\\d+)% less time").matcher(demo.out());
        assertThat(measured.find()).as(demo.out()).isTrue();
        assertThat(Integer.parseInt(measured.group(1))).as(demo.out()).isGreaterThanOrEqualTo(5);
        assertThat(Integer.parseInt(measured.group(2))).as(demo.out()).isGreaterThanOrEqualTo(60);
        assertThat(ce(workspace, "status").out()).contains("completed");
    }

    @Test
    void demoTakesWorkspaceOverCeWorkspaceAndElseMakesAThrowawayOneItDeletes() throws Exception {
        Path named = temp.resolve("ws-named");
        Path environment = temp.resolve("ws-environment");

        Run chosen = ce(environment, "demo", "--workspace", named.toString(), "--ms-per-minute", "1");
        Run throwaway = run(Optional.empty(), environment, Map.of("CE_WORKSPACE", ""), "demo", "--ms-per-minute",
                "1");

        assertThat(chosen.exitCode()).as(chosen.err()).isZero();
        assertThat(chosen.out()).contains("PCE demo: workspace " + named + " (yours: it is kept)");
        assertThat(named.resolve("workflows")).isNotEmptyDirectory();
        assertThat(throwaway.exitCode()).as(throwaway.err()).isZero();
        Path demoWorkspace = Path.of(throwaway.out().lines().findFirst().orElseThrow()
                .substring("PCE demo: workspace ".length()));
        assertThat(demoWorkspace.getParent()).as("the throwaway workspace is deleted").doesNotExist();
        assertThat(throwaway.out()).doesNotContain("Kept the workspace");
        assertThat(environment).as("neither run touched the workspace CE_WORKSPACE named").doesNotExist();
    }

    @Test
    void demoRefusesSimulatedWorkThatIsNotAboveZeroBeforeItStartsAnything() throws Exception {
        Path workspace = temp.resolve("ws-bad-demo");
        for (String value : List.of("-5", "0", "NaN", "Infinity")) {
            Run demo = ce(workspace, "demo", "--ms-per-minute", value);

            assertThat(demo.exitCode()).as(value + ": " + demo.err()).isEqualTo(2);
            assertThat(demo.err()).contains("Invalid value for option '--ms-per-minute': " + value + ";",
                    "a number above 0", "Usage: ce demo").doesNotContain("\tat ", "Exception");
            assertThat(workspace).as("nothing was started or written").doesNotExist();
        }
    }

    /** A server that dies under its agents ends the demo with an error that says where to look, and no hang. */
    @Test
    void demoWhoseServerDiesStopsWithAnErrorAndStopsItsOtherServers() throws Exception {
        Path workspace = temp.resolve("ws-dying-demo");
        Process demo = CeProcess.start(CeProcess.command(Optional.empty(), workspace, Map.of(), "demo",
                "--ms-per-minute", "200"));
        BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
        String line;
        do {
            line = out.readLine();
            assertThat(line).as("the demo ended before it planned").isNotNull();
        } while (!line.contains(" planned "));
        List<ProcessHandle> servers = demo.children().toList();
        assertThat(servers).hasSize(3);

        servers.getFirst().destroyForcibly();
        Run run = CeProcess.finish(demo, Duration.ofSeconds(90));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).containsPattern("ce: the demo stopped: \\w+-\\d of pool \\w+ stopped: ")
                .contains("The pool's server log: " + workspace.resolve("logs"), "Its servers were stopped")
                .doesNotContain("\tat ", "Exception in thread");
        assertThat(servers).as("no server is left running").noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void initRefusesADirThatDoesNotExistAndCreatesNothing() throws Exception {
        Path missing = temp.resolve("no-such-repo");
        Path file = Files.writeString(temp.resolve("a-file"), "x");

        Run init = ce(temp.resolve("ws-init-missing"), "init", "--dir", missing.toString());
        Run notADirectory = ce(temp.resolve("ws-init-missing"), "init", "--dir", file.toString());

        assertThat(init.exitCode()).isEqualTo(2);
        assertThat(init.err()).contains("--dir " + missing + " does not exist; nothing was written.",
                "git init " + missing).doesNotContain("\tat ");
        assertThat(missing).doesNotExist();
        assertThat(notADirectory.exitCode()).isEqualTo(2);
        assertThat(notADirectory.err()).contains("--dir " + file + " is not a directory");
    }

    /** The script answers help for test itself: Maven's help is about Maven, not about what the suite runs. */
    @Test
    void testHelpIsTheScriptsOwn() throws Exception {
        for (List<String> arguments : List.of(List.of("test", "--help"), List.of("test", "-pl", "server", "-h"),
                List.of("help", "test"))) {
            Run help = CeProcess.script(ROOT, temp.resolve("ws-help"), arguments.toArray(String[]::new));

            assertThat(help.exitCode()).as(arguments + ": " + help.err()).isZero();
            assertThat(help.out()).as(String.join(" ", arguments)).startsWith("Usage: ce test [MAVEN ARGS...]")
                    .contains("mvn verify", "Every argument is passed on to Maven").doesNotContain("usage: mvn");
        }
    }
}
