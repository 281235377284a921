package dev.pce.server.tools;

import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.workspace.Workspace;
import dev.pce.pkm.knowledge.VaultKnowledgeStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class ToolCatalogTest {

    @Test
    void namesKnownBeforeStartUpAreTheToolsTheCatalogCreates(@TempDir Path dir) {
        try (WorkflowService workflows = new WorkflowService(Workspace.open(dir), Clock.systemUTC())) {
            assertThat(ToolCatalog.create(workflows, VaultKnowledgeStore.unavailable("not needed"), null, java.util.Optional.empty(), tasks -> java.util.List.of(), Clock.systemUTC())).extracting(CeTool::name)
                    .containsExactlyElementsOf(ToolCatalog.TOOL_NAMES);
        }
    }
}
