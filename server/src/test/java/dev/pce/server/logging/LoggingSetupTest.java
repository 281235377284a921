package dev.pce.server.logging;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingSetupTest {
    @TempDir
    Path logs;

    @AfterEach
    void quiet() {
        LoggingSetup.configureForCli();
    }

    @Test
    void theDefaultLevelLeavesTheSdkHandshakeLineOutAndDebugKeepsIt() throws Exception {
        Logger sdk = Logger.getLogger("io.modelcontextprotocol.server.McpAsyncServer");
        LoggingSetup.configure(logs, null);
        assertThat(sdk.isLoggable(Level.INFO)).isFalse();
        assertThat(sdk.isLoggable(Level.WARNING)).isTrue();
        assertThat(Logger.getLogger("dev.pce.server.Anything").isLoggable(Level.INFO)).isTrue();

        LoggingSetup.configure(logs, "debug");
        assertThat(sdk.isLoggable(Level.INFO)).isTrue();
        assertThat(sdk.isLoggable(Level.FINE)).isTrue();
    }

    @Test
    void linesGoToTheLogFileWithTheLevelPadded() throws Exception {
        LoggingSetup.configure(logs, "info");
        Logger.getLogger("dev.pce.server.Probe").warning("disk almost full");
        try (var files = Files.list(logs)) {
            Path log = files.filter(file -> file.getFileName().toString().endsWith(".log")).findFirst().orElseThrow();
            assertThat(Files.readString(log)).contains(" WARNING Probe  disk almost full");
        }
        assertThat(LoggingSetup.padded("INFO", 7)).isEqualTo("INFO   ");
        assertThat(LoggingSetup.padded("WARNING", 7)).isEqualTo("WARNING");
    }
}
