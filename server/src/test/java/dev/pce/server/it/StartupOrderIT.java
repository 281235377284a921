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
 * once the initialize answer is written, the vaults open once the rules began to compile. The server's debug log
 * (on stderr) shows the order.
 */
class StartupOrderIT {

    @Test
    void theRulesCompileAfterTheInitializeAnswerIsWrittenAndTheVaultsOpenAfterThem(@TempDir Path dir)
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
        int answered = indexOf(lines, "First answer written");
        int compiling = indexOf(lines, "Compiling the rules");
        int opening = indexOf(lines, "Opening the vaults");
        assertThat(answered).as(log).isNotNegative();
        assertThat(compiling).as("the rules compile after the initialize answer:%n%s", log).isGreaterThan(answered);
        assertThat(opening).as("the vaults open after the rules began to compile:%n%s", log)
                .isGreaterThan(compiling);
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
