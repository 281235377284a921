package dev.pce.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The arguments' tree is the one the mapper's conversion makes, node type by node type. */
class ArgumentTreeTest {
    private final McpJsonMapper sdk = new JacksonMcpJsonMapper(Json.plain());

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"goal\":\"g\",\"tasks\":[{\"id\":\"a\",\"estimate\":1.5,\"depends_on\":[\"b\",{\"id\":\"c\",\"type\":"
                    + "\"soft\"}],\"writes\":[],\"x\":null,\"flag\":true}]}",
            "{\"int\":2147483647,\"long\":2147483648,\"big\":123456789012345678901234567890,\"neg\":-1,"
                    + "\"double\":1e300,\"tiny\":4.9e-324,\"zero\":0.0,\"exp\":1E+2,\"negzero\":-0.0}",
            "{\"nested\":[[[{\"a\":[null,false,\"\\u00e9\\ud83d\\ude00\"]}]]],\"empty\":{},\"list\":[]}"})
    void theTreeIsTheMappersConversion(String json) throws Exception {
        Map<String, Object> arguments = sdk.readValue(json, new TypeRef<HashMap<String, Object>>() {
        });
        JsonNode expected = Json.mapper().valueToTree(arguments);
        JsonNode tree = ArgumentTree.of(arguments);
        assertThat(tree).isEqualTo(expected);
        assertThat(Json.mapper().writeValueAsString(tree)).isEqualTo(Json.mapper().writeValueAsString(expected));
        assertThat(types(tree)).isEqualTo(types(expected));
    }

    /** Every node's class, in order: equal trees may still hold an int where the other holds a long. */
    static String types(JsonNode node) {
        StringBuilder out = new StringBuilder(node.getClass().getSimpleName());
        node.forEach(child -> out.append('(').append(types(child)).append(')'));
        return out.toString();
    }
}
