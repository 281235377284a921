package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.server.client.McpStdioClient;
import dev.pce.server.client.McpStdioClient.ToolResponse;
import dev.pce.server.client.ServerLauncher;
import dev.pce.testing.LocalRuleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.pce.server.it.ServerUnderTest.args;
import static dev.pce.testing.LocalRuleFiles.docsRule;
import static dev.pce.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server started in a project with rules in .ce/rules/ plans with them, and picks up a changed rule file while
 * it keeps answering: no call fails during the swap, and a broken file leaves the working rules in place.
 */
class RulesHotReloadIT {
    private static final Duration RELOAD_WITHIN = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    @Test
    void aChangedRuleFileTakesEffectWithoutDroppingARequest() throws Exception {
        Path repo = LocalRuleFiles.repository(temp);
        Path rules = write(repo.resolve(".ce/rules/extra.drl"), docsRule("docs-wait-for-builds"));
        Path stderr = temp.resolve("server.stderr");
        ProcessBuilder builder = ServerLauncher.serve(temp.resolve("workspace"), List.of())
                .directory(repo.toFile()).redirectError(stderr.toFile());
        builder.environment().put("CE_VALIDATE_OUTPUT", "1");
        try (McpStdioClient client = McpStdioClient.start(builder, Duration.ofSeconds(60))) {
            client.initialize("pce-it-reload");
            assertThat(planRules(client)).containsExactly("docs-wait-for-builds");

            List<String> failures = new CopyOnWriteArrayList<>();
            AtomicInteger calls = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread traffic = Thread.ofPlatform().name("it-traffic").start(() -> {
                while (running.get()) {
                    ToolResponse plan = client.callTool("ce_plan", plan());
                    ToolResponse status = client.callTool("ce_status", args());
                    for (ToolResponse response : List.of(plan, status)) {
                        if (response.isError()) {
                            failures.add(response.text());
                        }
                    }
                    calls.addAndGet(2);
                }
            });
            try {
                write(rules, docsRule("docs-after-builds"));
                awaitPlanRules(client, "docs-after-builds");

                write(rules, docsRule("docs-broken").replace("TaskFact($build", "BuildFact($build"));
                awaitStderr(stderr, "extra.drl:9:5: Unable to resolve ObjectType 'BuildFact'");
                assertThat(planRules(client)).as("the working rules stay").containsExactly("docs-after-builds");
            } finally {
                running.set(false);
                traffic.join(Duration.ofSeconds(60));
            }
            assertThat(failures).as("calls during the reloads").isEmpty();
            assertThat(calls.get()).isGreaterThan(2);
            assertThat(client.protocolViolations()).isEmpty();
        }
    }

    private static JsonNode plan() {
        return args("goal", "Ship the export", "tasks", List.of(
                args("id", "build", "title", "Build the export", "kind", "implement"),
                args("id", "guide", "title", "Document the export", "kind", "docs")));
    }

    /** The rules that decided the edges of a fresh plan. */
    private static List<String> planRules(McpStdioClient client) {
        ToolResponse response = client.callTool("ce_plan", plan());
        assertThat(response.isError()).as(response.text()).isFalse();
        List<String> rules = new ArrayList<>();
        response.structured().path("edges").forEach(edge -> rules.add(edge.path("rule").asText()));
        return rules;
    }

    private static void awaitPlanRules(McpStdioClient client, String rule) throws InterruptedException {
        Instant deadline = Instant.now().plus(RELOAD_WITHIN);
        List<String> rules = planRules(client);
        while (!rules.equals(List.of(rule)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            rules = planRules(client);
        }
        assertThat(rules).as("the plan's rules within %s of the change", RELOAD_WITHIN).containsExactly(rule);
    }

    private static void awaitStderr(Path stderr, String text) throws Exception {
        Instant deadline = Instant.now().plus(RELOAD_WITHIN);
        while (!Files.readString(stderr).contains(text) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(Files.readString(stderr)).as("the server log").contains(text);
    }
}
