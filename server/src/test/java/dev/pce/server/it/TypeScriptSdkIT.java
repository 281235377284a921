package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;
import dev.pce.server.client.ServerLauncher;
import dev.pce.server.node.NodePackages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official MCP TypeScript SDK's client against the built server over stdio
 * ({@code src/test/resources/typescript-sdk/client-checks.mjs}): what a TypeScript host sees of the tool
 * annotations, the paged note resources, a tool call whose text is its structured content, a note read and moved on
 * its version, and a call cancelled through an AbortSignal.
 */
class TypeScriptSdkIT {
    private static final int NOTES = 130;

    @TempDir
    Path temp;

    @Test
    void theTypeScriptSdkClientListsCallsAndCancels() throws Exception {
        Path sdk = NodePackages.install(NodePackages.MCP_TYPESCRIPT_SDK).resolve("node_modules")
                .resolve("@modelcontextprotocol").resolve("sdk");
        Path vault = temp.resolve("vault");
        for (int i = 0; i < NOTES; i++) {
            Path note = vault.resolve("notes/n-%03d.md".formatted(i));
            Files.createDirectories(note.getParent());
            Files.writeString(note, "---\ntitle: Note " + i + "\ntype: insight\n---\nNote " + i + ".\n");
        }
        Path workspace = temp.resolve("ws");
        List<String> server = ServerLauncher.serve(workspace, List.of()).command();
        Map<String, String> serverEnvironment = Map.of("CE_WORKSPACE", workspace.toString(),
                "CE_VAULT", vault.toString(), "CE_VALIDATE_OUTPUT", "1");

        ProcessBuilder node = new ProcessBuilder("node", script().toString())
                .redirectError(temp.resolve("node.stderr").toFile());
        node.environment().put("MCP_SDK_HOME", sdk.toString());
        node.environment().put("PCE_SERVER_COMMAND", Json.mapper().writeValueAsString(server));
        node.environment().put("PCE_SERVER_ENV", Json.mapper().writeValueAsString(serverEnvironment));
        node.environment().put("PCE_NOTES", String.valueOf(NOTES));
        Process checks = node.start();
        String output = new String(checks.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(checks.waitFor(3, TimeUnit.MINUTES)).as("the checks end").isTrue();
        assertThat(checks.exitValue()).as("%s%nstderr: %s", output,
                Files.readString(temp.resolve("node.stderr"))).isZero();

        JsonNode found = Json.mapper().readTree(output.lines().reduce((first, last) -> last).orElseThrow());
        assertThat(found.path("server").asText()).isEqualTo("pce");
        assertThat(found.path("tools").asInt()).isEqualTo(19);
        assertThat(found.path("readOnly")).extracting(JsonNode::asText)
                .containsExactly("ce_events", "ce_note", "ce_predict", "ce_search", "ce_status");
        assertThat(found.path("edited")).extracting(JsonNode::asText).containsExactly("build-model", "build-api");
        assertThat(found.path("moved").asText()).isEqualTo("archive/n-000.md");
        assertThat(found.path("resourcePages")).extracting(JsonNode::asInt).containsExactly(100, 30);
        assertThat(found.path("cancelledCall").asText()).startsWith("rejected:").contains("the user gave up");
        assertThat(found.path("workflows")).extracting(JsonNode::asText)
                .as("the cancelled plan stored nothing").containsExactly(found.path("planned").asText());
        assertThat(found.path("errors")).as("no answer to the cancelled call reached the SDK").isEmpty();
    }

    private static Path script() throws URISyntaxException {
        return Path.of(TypeScriptSdkIT.class.getResource("/typescript-sdk/client-checks.mjs").toURI());
    }
}
