package dev.pce.server.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.server.tools.ToolCatalog;
import dev.pce.server.tools.ToolDefinition;
import dev.pce.server.client.McpStdioClient;
import dev.pce.server.client.McpStdioClient.ToolResponse;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator.ValidationResponse;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the tool examples of one document against the sandbox's real server, in the document's order: a
 * {@code ```json tool=NAME} block is a call, a {@code ```json result=NAME} block an answer. A call must succeed
 * (or fail, with {@code expect=error}); ids in it are replaced by the real ones of the sandbox (the workflow the
 * last plan made; for a {@code claim_id}, a fresh claim of the call's task). An answer must validate against the
 * tool's output schema and use no field the schema does not declare.
 */
final class ToolExamples {
    private final DocSandbox sandbox;
    private Map<String, JsonNode> outputSchemas;

    ToolExamples(DocSandbox sandbox) {
        this.sandbox = sandbox;
    }

    void call(DocBlock block) throws IOException {
        String tool = block.attribute("tool").orElseThrow();
        ObjectNode arguments = (ObjectNode) Json.mapper().readTree(block.body());
        useRealIds(arguments);
        ToolResponse response = sandbox.server().callTool(tool, arguments);
        boolean errorExpected = block.attribute("expect").filter("error"::equals).isPresent();
        assertThat(response.isError()).as("%s: %s answered %s", block.where(), tool, response.text())
                .isEqualTo(errorExpected);
        if (tool.equals("ce_plan")) {
            sandbox.planned(response.structured());
        }
    }

    void result(DocBlock block) throws IOException {
        String tool = block.attribute("result").orElseThrow();
        JsonNode documented = Json.mapper().readTree(block.body());
        JsonNode schema = outputSchemas().get(tool);
        assertThat(schema).as("%s: output schema of %s", block.where(), tool).isNotNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> schemaMap = Json.mapper().convertValue(schema, Map.class);
        ValidationResponse validation = new DefaultJsonSchemaValidator(Json.mapper()).validate(schemaMap, documented);
        assertThat(validation.valid()).as("%s: the documented %s answer against its schema: %s", block.where(), tool,
                validation.errorMessage()).isTrue();
        assertThat(SchemaFields.undeclared(documented, schema))
                .as("%s: fields of the documented %s answer that %s does not have", block.where(), tool, tool)
                .isEmpty();
    }

    private void useRealIds(ObjectNode arguments) throws IOException {
        if (arguments.has("workflow_id") && sandbox.workflowId().isPresent()) {
            arguments.put("workflow_id", sandbox.workflowId().get());
        }
        if (arguments.has("claim_id") && arguments.has("task_id")) {
            String task = arguments.get("task_id").asText();
            ObjectNode claim = Json.mapper().createObjectNode()
                    .put("workflow_id", arguments.path("workflow_id").asText())
                    .put("pool", sandbox.poolOf(task).orElseThrow(() -> new AssertionError("task " + task
                            + " is not in the plan of the examples")))
                    .put("agent", arguments.path("agent").asText("docs"))
                    .put("task_id", task);
            ToolResponse claimed = sandbox.server().callTool("ce_claim", claim);
            assertThat(claimed.structured().path("claimed").asBoolean()).as("claiming %s for the example: %s", task,
                    claimed.text()).isTrue();
            arguments.put("claim_id", claimed.structured().path("task").path("claim_id").asText());
        }
    }

    /** The tools' output schemas, from their contracts (tools/list does not carry them). */
    private Map<String, JsonNode> outputSchemas() {
        if (outputSchemas == null) {
            outputSchemas = new HashMap<>();
            ToolCatalog.TOOL_NAMES.forEach(tool -> outputSchemas.put(tool, ToolDefinition.load(tool).outputSchema()));
        }
        return outputSchemas;
    }
}
