package dev.pce.server.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;

import java.util.Map;

/**
 * Whether the server checks each tool result against its output schema at run time. Results are built from typed
 * records, and the integration tests switch checking on for every call, so in production it is off by default: it
 * would cost every call (a 1,000-task status has thousands of nodes) and load a schema library at start-up.
 * Set {@code CE_VALIDATE_OUTPUT=1} to switch it on.
 */
final class OutputValidation {
    static final String VARIABLE = "CE_VALIDATE_OUTPUT";

    private OutputValidation() {
    }

    static JsonSchemaValidator fromEnvironment(ObjectMapper mapper) {
        String setting = System.getenv(VARIABLE);
        boolean enabled = setting != null && (setting.equals("1") || setting.equalsIgnoreCase("true"));
        return enabled ? new Checking(new DefaultJsonSchemaValidator(mapper), mapper) : new Trusting();
    }

    /** Checks results with the SDK's validator, reading the pre-serialized JSON the tools hand over. */
    private record Checking(JsonSchemaValidator delegate, ObjectMapper mapper) implements JsonSchemaValidator {
        @Override
        public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
            if (!(structuredContent instanceof RawValue raw)) {
                return delegate.validate(schema, structuredContent);
            }
            try {
                return delegate.validate(schema, mapper.readTree(raw.rawValue().toString()));
            } catch (JsonProcessingException e) {
                return ValidationResponse.asInvalid("structured content is not JSON: " + e.getOriginalMessage());
            }
        }
    }

    /** Accepts every result; the content text is always supplied by the tools themselves. */
    private static final class Trusting implements JsonSchemaValidator {
        @Override
        public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
            return ValidationResponse.asValid(null);
        }
    }
}
