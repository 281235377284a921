package dev.pce.engine.service;

import dev.pce.engine.CeException;
import dev.pce.engine.testing.Plans;
import dev.pce.engine.workspace.Workspace;
import dev.pce.testing.MutableClock;
import dev.pce.testing.SmallDisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.pce.engine.ErrorCode.IO;
import static dev.pce.engine.testing.Errors.thrown;
import static org.assertj.core.api.Assertions.assertThat;

/** What an agent meets when the workspace's disk fills up (a real, small tmpfs), and after space returns. */
class DiskFullTest {
    private static final Duration TTL = Duration.ofMinutes(15);

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.standard();

    @Test
    void claimOnAFullDiskSaysSoRecordsNothingAndWorksOnceSpaceReturns() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), "512k")) {
            Workspace workspace = Workspace.open(disk.root().resolve(".ce-workspace"));
            try (WorkflowService service = new WorkflowService(workspace, clock)) {
                String id = service.plan("ship", Plans.independent(40, "build"), "planner").workflowId();
                Path log = workspace.eventsFile(id);
                disk.fill();

                // claims fit in the log's last page until one needs a new page the disk no longer has
                long sizeBefore;
                CeException full = null;
                int claimed = 0;
                do {
                    sizeBefore = Files.size(log);
                    try {
                        service.claim(id, "builders", "bob", Optional.empty(), TTL);
                        claimed++;
                    } catch (CeException e) {
                        full = e;
                    }
                } while (full == null && claimed < 40);

                assertThat(full).as("the disk filled up within a page of claims").isNotNull();
                assertThat(full.code()).isEqualTo(IO);
                assertThat(full.getMessage()).contains("Could not append to event log " + log,
                        "the disk is full (No space left on device)", "Nothing was recorded");
                assertThat(full.fix()).contains("Free space on the disk", "df -h");
                assertThat(Files.size(log)).as("the partial write was removed").isEqualTo(sizeBefore);
                assertThat(service.status(id).counts().claimed()).isEqualTo(claimed);
                CeException again = thrown(IO, () -> service.claim(id, "builders", "bob", Optional.empty(), TTL));
                assertThat(again.getMessage()).contains("the disk is full").doesNotContain("lock");
                CeException plan = thrown(IO, () -> service.plan("more", Plans.independent(40, "build"), "p"));
                assertThat(plan.getMessage()).contains("the disk is full");
                assertThat(leftovers(workspace)).as("no half-created workflow").isEmpty();

                disk.free();

                assertThat(service.claim(id, "builders", "bob", Optional.empty(), TTL).claimed()).isTrue();
                assertThat(service.status(id).counts().claimed()).isEqualTo(claimed + 1);
                assertThat(log.resolveSibling("events.jsonl.torn")).as("nothing to cut").doesNotExist();
                assertThat(WorkflowCheck.check(workspace, id, false).problems()).isEmpty();
            }
        }
    }

    private static java.util.List<Path> leftovers(Workspace workspace) throws java.io.IOException {
        try (Stream<Path> entries = Files.list(workspace.workflowsDir())) {
            return entries.filter(path -> path.getFileName().toString().startsWith(".")).toList();
        }
    }
}
