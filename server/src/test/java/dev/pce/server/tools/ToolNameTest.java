package dev.pce.server.tools;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ToolNameTest {

    /** A contract file nobody names would never be served; a name without a file fails at start-up. */
    @Test
    void theContractFilesAreExactlyTheNamedTools() throws IOException, URISyntaxException {
        Path folder = Path.of(ToolDefinition.class.getResource("/tools").toURI());
        List<String> contracts;
        try (Stream<Path> files = Files.list(folder)) {
            contracts = files.map(file -> file.getFileName().toString()).filter(name -> !name.equals("_defs.json"))
                    .map(name -> name.substring(0, name.length() - ".json".length())).toList();
        }
        assertThat(contracts).containsExactlyInAnyOrderElementsOf(ToolName.wireNames());
    }

    @Test
    void aToolsWireNameIsItsConstantInLowerCase() {
        assertThat(ToolName.CE_GATE_REPORT.wireName()).isEqualTo("ce_gate_report");
        assertThat(ToolCatalog.TOOL_NAMES).isEqualTo(ToolName.wireNames()).hasSize(ToolName.values().length);
    }
}
