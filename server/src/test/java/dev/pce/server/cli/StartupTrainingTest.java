package dev.pce.server.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up training session runs the real server in this process over pipes, from handshake to events. */
class StartupTrainingTest {

    @Test
    void scriptedSessionRunsEveryToolAgainstAnInProcessServer() throws Exception {
        assertThat(StartupTraining.run()).isZero();
    }
}
