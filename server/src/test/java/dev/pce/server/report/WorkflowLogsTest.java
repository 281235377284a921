package dev.pce.server.report;

import dev.pce.engine.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowLogsTest {
    @TempDir
    Path temp;

    @Test
    void anEmptyLogIsAnUnreadableWorkflowNotOneOfNoTasks() throws Exception {
        Workspace workspace = Workspace.open(temp);
        Path events = workspace.eventsFile("wf-emptied");
        Files.createDirectories(events.getParent());
        Files.createFile(events);

        WorkflowLogs logs = WorkflowLogs.read(workspace);

        assertThat(logs.logs()).isEmpty();
        assertThat(logs.unreadable()).singleElement().satisfies(unreadable -> {
            assertThat(unreadable.workflowId()).isEqualTo("wf-emptied");
            assertThat(unreadable.error()).contains("holds no events", "ce doctor");
        });
    }
}
