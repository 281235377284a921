package dev.pce.server.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;
import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.workspace.Workspace;
import dev.pce.pkm.knowledge.VaultKnowledgeStore;
import dev.pce.server.mcp.ServerProtocol;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToolDefinitionTest {
    @TempDir
    Path temp;

    @Test
    void everyToolHasAStandAloneContract() {
        try (WorkflowService service = new WorkflowService(Workspace.open(temp), Clock.systemUTC())) {
            for (CeTool tool : ToolCatalog.create(service, VaultKnowledgeStore.unavailable("not needed"), null, java.util.Optional.empty(), tasks -> java.util.List.of(), Clock.systemUTC())) {
                ToolDefinition definition = ToolDefinition.load(tool.name());
                assertThat(definition.description()).as(tool.name()).hasSizeGreaterThan(60);
                assertThat(definition.inputSchema().path("type").asText()).isEqualTo("object");
                assertThat(definition.inputSchema().path("additionalProperties").asBoolean(true)).isFalse();
                assertThat(definition.argumentNames()).as(tool.name()).isNotEmpty();
                assertThat(definition.outputSchema().path("type").asText()).isEqualTo("object");
                assertThat(definition.outputSchema().has("$ref")).isFalse();
                definition.outputSchema().findValues("$ref").forEach(ref -> assertThat(
                        definition.outputSchema().path("$defs").has(ref.asText().substring("#/$defs/".length())))
                        .as(tool.name() + " " + ref).isTrue());
                // only the definitions the schema reaches: the tool list stays small
                java.util.Set<String> referenced = new java.util.HashSet<>();
                definition.outputSchema().findValues("$ref").forEach(ref -> referenced.add(ref.asText()
                        .substring("#/$defs/".length())));
                definition.outputSchema().path("$defs").fieldNames().forEachRemaining(name -> assertThat(referenced)
                        .as(tool.name() + " carries $defs/" + name + " without using it").contains(name));
            }
        }
    }

    /** MCP clients decide from the annotations whether to ask before a call: every tool declares all five. */
    @Test
    void everyToolDeclaresTheFiveAnnotationsAndItsDescriptorCarriesThem() throws IOException {
        ServerProtocol protocol = ServerProtocol.prepare(ToolCatalog.TOOL_NAMES);
        for (String tool : ToolCatalog.TOOL_NAMES) {
            JsonNode contract = rawContract(tool);
            JsonNode declared = contract.path("annotations");
            List<String> fields = new ArrayList<>();
            declared.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as("the annotations of %s", tool).containsExactlyInAnyOrderElementsOf(
                    ToolDefinition.Annotations.FIELDS);
            assertThat(declared.path("title").asText()).as(tool).isEqualTo(contract.path("title").asText());
            boolean readOnly = declared.path("readOnlyHint").asBoolean();
            if (readOnly) {
                assertThat(declared.path("destructiveHint").asBoolean()).as("%s reads only", tool).isFalse();
                assertThat(declared.path("idempotentHint").asBoolean()).as("%s reads only", tool).isTrue();
            }

            McpSchema.ToolAnnotations listed = protocol.contracts().get(tool).descriptor().annotations();
            assertThat(listed.title()).as(tool).isEqualTo(declared.path("title").asText());
            assertThat(listed.readOnlyHint()).as(tool).isEqualTo(readOnly);
            assertThat(listed.destructiveHint()).as(tool).isEqualTo(declared.path("destructiveHint").asBoolean());
            assertThat(listed.idempotentHint()).as(tool).isEqualTo(declared.path("idempotentHint").asBoolean());
            assertThat(listed.openWorldHint()).as(tool).isEqualTo(declared.path("openWorldHint").asBoolean());
        }
    }

    @Test
    void aContractWithoutOneOfTheAnnotationsDoesNotLoad() throws IOException {
        JsonNode annotations = rawContract("ce_status").path("annotations").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) annotations).remove("idempotentHint");
        assertThatThrownBy(() -> ToolDefinition.Annotations.read("ce_status", annotations))
                .hasMessageContaining("annotations.idempotentHint is missing");
        assertThatThrownBy(() -> ToolDefinition.Annotations.read("ce_status", Json.mapper().missingNode()))
                .hasMessageContaining("declares no annotations");
    }

    private static JsonNode rawContract(String tool) throws IOException {
        try (InputStream in = ToolDefinition.class.getResourceAsStream("/tools/" + tool + ".json")) {
            return Json.mapper().readTree(in);
        }
    }
}
