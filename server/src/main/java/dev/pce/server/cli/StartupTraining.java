package dev.pce.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.engine.workspace.Workspace;
import dev.pce.pkm.knowledge.VaultKnowledgeStore;
import dev.pce.rules.authoring.RuleReloader;
import dev.pce.rules.dependency.DependencyRules;
import dev.pce.rules.learned.LearnedRules;
import dev.pce.server.client.McpStdioClient;
import dev.pce.server.client.McpStdioClient.ToolResponse;
import dev.pce.server.demo.DemoRun;
import dev.pce.server.logging.LoggingSetup;
import dev.pce.server.mcp.ProtocolSetup;
import dev.pce.server.quality.ProjectSettings;
import dev.pce.server.wiring.ServerWiring;
import dev.pce.server.tools.ToolCatalog;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A scripted MCP session against an in-process server on a throwaway workspace: initialize, list the tools, plan,
 * claim, complete, fail, read status and events. The build runs it in a JVM that records the server's start-up cache
 * ({@link dev.pce.server.client.StartupCacheWriter}), so server starts find the classes of exactly this path loaded
 * and linked (JDK 25+), or parsed and verified (JDK 21-24). Not a user command: Main runs it for the argument
 * {@code train-startup}.
 */
public final class StartupTraining {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private StartupTraining() {
    }

    public static int run() throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory("pce-training");
        try {
            Workspace workspace = Workspace.open(scratch);
            loadServerWiring(scratch);
            ProtocolSetup protocol = ProtocolSetup.startInBackground(ToolCatalog.TOOL_NAMES);
            String logHint = LoggingSetup.configure(workspace.logsDir(), "warning");
            Pipe toServer = Pipe.open();
            Pipe fromServer = Pipe.open();
            Thread server = Thread.ofPlatform().name("training-server").start(() -> {
                try {
                    McpSession.run(workspace, protocol, Optional.empty(), Optional.empty(),
                            Channels.newInputStream(toServer.source()),
                            Channels.newOutputStream(fromServer.sink()), logHint);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            try (McpStdioClient client = McpStdioClient.connect(Channels.newInputStream(fromServer.source()),
                    Channels.newOutputStream(toServer.sink()), TIMEOUT)) {
                session(client);
            }
            server.join(TIMEOUT.toMillis());
            return 0;
        } finally {
            Workspace.deleteTree(scratch);
        }
    }

    /**
     * The wiring the real server builds with the rules, which the training session leaves out (it classifies by
     * declarations and opens no vault): built here with the server's own code, so its classes are in the cache too.
     * Nothing compiles, and nothing of the on-demand jar loads (StartupClassesIT).
     */
    private static void loadServerWiring(Path scratch) {
        Workspace workspace = Workspace.open(scratch.resolve("wiring"));
        try (VaultKnowledgeStore vaults = VaultKnowledgeStore.unavailable(
                "not opened while the start-up cache is trained");
             ServerWiring wiring = ServerWiring.open(workspace, ProjectSettings.of(scratch), Map.of(),
                     Optional.of(DependencyRules.shared()), vaults)) {
            wiring.learnedRules().ifPresent(LearnedRules::history);
        }
        RuleReloader.startForProject(scratch).ifPresent(RuleReloader::close);
    }

    private static void session(McpStdioClient client) {
        client.initialize("pce-startup-training");
        client.request("tools/list", Json.mapper().createObjectNode());
        String workflowId = ok(client, "ce_plan", DemoRun.samplePlan()).path("workflow_id").asText();
        ObjectNode status = Json.mapper().createObjectNode().put("workflow_id", workflowId);
        ok(client, "ce_status", status);
        ok(client, "ce_status", Json.mapper().createObjectNode());
        for (int round = 0; round < 3; round++) {
            for (String pool : new String[] {"planners", "builders", "reviewers"}) {
                JsonNode claim = ok(client, "ce_claim", Json.mapper().createObjectNode()
                        .put("workflow_id", workflowId).put("pool", pool).put("agent", "trainer"));
                if (claim.path("claimed").asBoolean()) {
                    JsonNode task = claim.path("task");
                    ObjectNode report = Json.mapper().createObjectNode().put("workflow_id", workflowId)
                            .put("task_id", task.path("spec").path("id").asText())
                            .put("claim_id", task.path("claim_id").asText()).put("agent", "trainer");
                    ok(client, round == 0 ? "ce_fail" : "ce_complete",
                            round == 0 ? report.put("reason", "training").put("retryable", true) : report);
                }
            }
            ok(client, "ce_status", status);
        }
        ok(client, "ce_events", status.deepCopy().put("after", 0));
        client.callTool("ce_status", Json.mapper().createObjectNode().put("workflow_id", "wf-missing"));
    }

    private static JsonNode ok(McpStdioClient client, String tool, ObjectNode arguments) {
        ToolResponse response = client.callTool(tool, arguments);
        if (response.isError()) {
            throw new IllegalStateException("training call " + tool + " failed: " + response.text());
        }
        return response.structured();
    }
}
