package dev.pce.engine.schedule;

import dev.pce.engine.ErrorCode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static dev.pce.engine.testing.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

class StgReaderTest {

    @Test
    void readsAGraphAndSchedulesItOnProcessors() throws Exception {
        Path file = Path.of(getClass().getResource("/stg/diamond.stg").toURI());
        StgReader.StgGraph graph = StgReader.read(file);

        assertThat(graph.name()).isEqualTo("diamond.stg");
        assertThat(graph.tasks()).hasSize(6);
        assertThat(graph.tasks().get(2).estimateMinutes()).isEqualTo(7);
        assertThat(graph.edges()).hasSize(7);

        Schedule two = Scheduler.plan(graph.tasks(), graph.edges(), PoolSlots.single(StgReader.POOL, 2));
        assertThat(two.criticalPath()).containsExactly("t0", "t2", "t4", "t5");
        assertThat(two.criticalPathLength()).isEqualTo(12);
        assertThat(two.makespan()).isEqualTo(12);
        Schedule one = Scheduler.plan(graph.tasks(), graph.edges(), PoolSlots.single(StgReader.POOL, 1));
        assertThat(one.makespan()).isEqualTo(17);
    }

    @Test
    void acceptsACountWithOrWithoutTheDummies() {
        String records = "0 0 0\n1 3 1 0\n2 0 1 1\n";
        assertThat(StgReader.parse("a.stg", "1\n" + records).tasks()).hasSize(3);
        assertThat(StgReader.parse("b.stg", "3\n" + records + "# trailer\n").tasks()).hasSize(3);
    }

    @Test
    void errorsNameFileAndLine() {
        assertError(ErrorCode.INVALID_ARGUMENT, () -> StgReader.parse("bad.stg", "2\n0 0 0\n1 x 1 0\n"),
                "bad.stg:3: expected the cost of task 1 (a whole number), found 'x'");
        assertError(ErrorCode.INVALID_ARGUMENT, () -> StgReader.parse("bad.stg", "1\n0 0 0\n# c\n1 3 1 1\n2 0 1 1\n"),
                "bad.stg:4: predecessor 1 of task 1 is not an earlier task");
        assertError(ErrorCode.INVALID_ARGUMENT, () -> StgReader.parse("bad.stg", "1\n0 0 0\n2 3 1 0\n"),
                "bad.stg:3: expected task id 1, found 2");
        assertError(ErrorCode.INVALID_ARGUMENT, () -> StgReader.parse("bad.stg", "5\n0 0 0\n1 3 1 0\n"),
                "the header says 5 tasks (7 with the entry and exit dummies), but the file has 2 task records");
    }
}
