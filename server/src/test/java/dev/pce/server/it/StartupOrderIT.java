package dev.pce.server.it;

import dev.pce.engine.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The work a stdio server does after its handshake starts on events, in order, never on a timer: the rules compile
 * once the client has the tools (its tools/list answered, or a tool called without one), the vaults open once the
 * rules began to compile. The server's debug log (on stderr) shows the order.
 */
class StartupOrderIT {

    @Test
    void theRulesCompileAfterTheToolListIsAnsweredAndTheVaultsOpenAfterThem(@TempDir Path dir) throws Exception {
        String log;
        try (ServerUnderTest server = ServerUnderTest.launch(dir.resolve("workspace"),
                Map.of("CE_LOG_LEVEL", "debug"))) {
            server.client().initialize("pce-it");
            server.client().request("tools/list", Json.mapper().createObjectNode());
            // waits for the vaults, which open only after the rules began to compile
            server.ok("ce_search", Json.mapper().createObjectNode().put("query", "retry"));
            log = server.stderr();
        }
        List<String> lines = log.lines().toList();
        int answered = indexOf(lines, "First answer written");
        int listed = indexOf(lines, "Tool list answered");
        int compiling = indexOf(lines, "Compiling the rules");
        int opening = indexOf(lines, "Opening the vaults");
        assertThat(answered).as(log).isNotNegative();
        assertThat(listed).as("the tool list is answered after the initialize answer:%n%s", log)
                .isGreaterThan(answered);
        assertThat(compiling).as("the rules compile after the tool list is answered:%n%s", log).isGreaterThan(listed);
        // after the rules began to compile, or sooner if ce_search needs them first: never before the tool list
        assertThat(opening).as("the vaults open after the tool list is answered:%n%s", log).isGreaterThan(listed);
    }

    @Test
    void aToolCalledWithoutAToolListStartsTheRulesAndTheVaultsToo(@TempDir Path dir)
            throws Exception {
        String log;
        try (ServerUnderTest server = ServerUnderTest.launch(dir.resolve("workspace"),
                Map.of("CE_LOG_LEVEL", "debug"))) {
            server.client().initialize("pce-it");
            // waits for the vaults, which open only after the rules began to compile
            server.ok("ce_search", Json.mapper().createObjectNode().put("query", "retry"));
            log = server.stderr();
        }
        List<String> lines = log.lines().toList();
        int called = indexOf(lines, "A tool is called before the tools were listed");
        int compiling = indexOf(lines, "Compiling the rules");
        int opening = indexOf(lines, "Opening the vaults");
        assertThat(called).as(log).isNotNegative();
        assertThat(compiling).as("the rules compile once a tool is called:%n%s", log).isGreaterThan(called);
        assertThat(opening).as("the vaults open once a tool is called:%n%s", log).isGreaterThan(called);
    }

    private static int indexOf(List<String> lines, String message) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(message)) {
                return i;
            }
        }
        return -1;
    }
}
