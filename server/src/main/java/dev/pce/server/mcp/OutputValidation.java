package dev.pce.server.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.pce.engine.Json;
import dev.pce.server.tools.ToolDefinition;
import dev.pce.server.tools.ToolOutput;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;

import java.util.Map;
import java.util.Optional;

/**
 * Whether the server checks each answer's structured content against its tool's output schema (the contract in
 * {@code /tools/<name>.json}) before sending it. Results are built from typed records, and the integration tests
 * switch checking on for every call, so in production it is off by default: it would cost every call and load a
 * schema library at start-up. Set {@code CE_VALIDATE_OUTPUT=1} to switch it on.
 *
 * <p>The check is the server's own: {@code tools/list} does not carry output schemas (see {@link ServerProtocol}),
 * so neither the SDK nor a client checks them.
 */
final class OutputValidation {
    static final String VARIABLE = "CE_VALIDATE_OUTPUT";
    private static final boolean ENABLED = enabled(System.getenv(VARIABLE));

    private OutputValidation() {
    }

    /** Why {@code answer} does not match {@code definition}'s output schema; empty when it does or checking is off. */
    static Optional<String> problem(ToolDefinition definition, ToolOutput answer) {
        return ENABLED ? Checker.problem(definition, answer) : Optional.empty();
    }

    static boolean enabled(String setting) {
        return setting != null && (setting.equals("1") || setting.equalsIgnoreCase("true"));
    }

    /** The SDK's validator for the SDK: it sees no output schema, so it never needs the schema library. */
    static JsonSchemaValidator forTheSdk() {
        return (schema, content) -> JsonSchemaValidator.ValidationResponse.asValid(null);
    }

    /** Loaded on the first check only. */
    private static final class Checker {
        private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
        };
        private static final DefaultJsonSchemaValidator VALIDATOR = new DefaultJsonSchemaValidator(Json.plain());

        static Optional<String> problem(ToolDefinition definition, ToolOutput answer) {
            try {
                JsonSchemaValidator.ValidationResponse response = VALIDATOR.validate(
                        Json.plain().convertValue(definition.outputSchema(), MAP),
                        Json.plain().readTree(answer.structuredJson()));
                return response.valid() ? Optional.empty() : Optional.of(response.errorMessage());
            } catch (JsonProcessingException e) {
                return Optional.of("structured content is not JSON: " + e.getOriginalMessage());
            }
        }
    }
}
