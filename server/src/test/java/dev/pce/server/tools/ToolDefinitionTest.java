package dev.pce.server.tools;

import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.workspace.Workspace;
import dev.pce.server.knowledge.LearningsAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class ToolDefinitionTest {
    @TempDir
    Path temp;

    @Test
    void everyToolHasAStandAloneContract() {
        try (WorkflowService service = new WorkflowService(Workspace.open(temp), Clock.systemUTC())) {
            for (CeTool tool : ToolCatalog.create(service, LearningsAccess.unavailable("not needed"), null, java.util.Optional.empty(), tasks -> java.util.List.of(), Clock.systemUTC())) {
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
}
