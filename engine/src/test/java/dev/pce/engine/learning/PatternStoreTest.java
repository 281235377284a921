package dev.pce.engine.learning;

import dev.pce.engine.CeException;
import dev.pce.engine.gate.Dimension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.pce.engine.learning.PatternSetTest.HERE;
import static dev.pce.engine.learning.PatternSetTest.bias;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PatternStoreTest {
    @TempDir
    Path workspace;

    @Test
    void anEmptyStoreHasVersionZero() {
        PatternStore.Stored stored = PatternStore.inWorkspace(workspace).read();
        assertThat(stored.version()).isZero();
        assertThat(stored.patterns().patterns()).isEmpty();
    }

    @Test
    void everySaveIncrementsTheVersionAndPatternsReadBackEqual() {
        PatternStore store = PatternStore.inWorkspace(workspace);
        Pattern.ReviewRequirement requirement = new Pattern.ReviewRequirement("build", "db/migrations/",
                Dimension.SECURITY, 2, Confidence.of(2), List.of("wf-1"), HERE);

        store.mergeLocal(List.of(bias("build", 1.6, 3, "wf-1", HERE), requirement));
        PatternStore.Stored second = store.importFrom(List.of(bias("review", 0.8, 9, "x",
                PatternOrigin.local("other"))));

        assertThat(second.version()).isEqualTo(2);
        assertThat(workspace.resolve("learning/patterns.json")).exists();
        PatternStore.Stored reread = new PatternStore(workspace.resolve(PatternStore.RELATIVE_PATH)).read();
        assertThat(reread).isEqualTo(second);
        assertThat(reread.patterns().get("review:build:db/migrations/:security")).contains(requirement);
    }

    @Test
    void aWorkflowLearnedAgainCountsOnceAndTeachingTheSameSavesNothing() {
        PatternStore store = PatternStore.inWorkspace(workspace);
        store.learnFrom("wf-1", List.of(bias("build", 2.0, 3, "wf-1", HERE)));

        PatternStore.Learned again = store.learnFrom("wf-1", List.of(bias("build", 2.0, 3, "wf-1", HERE)));

        assertThat(again.unchanged()).isTrue();
        assertThat(again.stored().version()).isEqualTo(1);
        assertThat(again.stored().patterns().estimateBiases()).singleElement()
                .satisfies(bias -> assertThat(bias.samples()).isEqualTo(3));

        store.learnFrom("wf-2", List.of(bias("build", 1.0, 3, "wf-2", HERE)));
        PatternStore.Learned grown = store.learnFrom("wf-1", List.of(bias("build", 4.0, 3, "wf-1", HERE)));

        assertThat(grown.unchanged()).as("wf-1's log grew and taught more").isFalse();
        Pattern.EstimateBias replaced = grown.stored().patterns().estimateBiases().getFirst();
        assertThat(replaced.samples()).isEqualTo(6);
        assertThat(replaced.factor()).as("wf-1's 4x replaced its 2x").isCloseTo(2.0, within(1e-9));
        assertThat(replaced.workflows()).containsExactly("wf-2", "wf-1");
        assertThat(PatternStore.inWorkspace(workspace).read()).as("read back").isEqualTo(grown.stored());
    }

    @Test
    void concurrentMergesFromManyThreadsLoseNoUpdate() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String workflow = "wf-" + i;
            done.add(pool.submit(() -> {
                start.await();
                // a store object per writer, as separate requests would have
                for (int round = 0; round < 5; round++) {
                    PatternStore.inWorkspace(workspace).mergeLocal(List.of(bias("build", 1.5, 1, workflow, HERE)));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();

        PatternStore.Stored stored = PatternStore.inWorkspace(workspace).read();
        assertThat(stored.version()).isEqualTo(writers * 5L);
        assertThat(stored.patterns().estimateBiases().getFirst().samples()).isEqualTo(writers * 5);
        try (var files = Files.list(workspace.resolve("learning"))) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("patterns.json", "patterns.json.lock");
        }
    }

    @Test
    void aDamagedFileIsReportedWithWhereAndHowToFix() throws Exception {
        Path file = workspace.resolve(PatternStore.RELATIVE_PATH);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"format\": 1, \"patterns\": []}");

        assertThatThrownBy(() -> PatternStore.inWorkspace(workspace).read())
                .isInstanceOf(CeException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("no version number");
    }
}
