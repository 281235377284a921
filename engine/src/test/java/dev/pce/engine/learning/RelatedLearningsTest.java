package dev.pce.engine.learning;

import dev.pce.engine.knowledge.NoteRef;
import dev.pce.engine.learning.RelatedLearnings.Learning;
import dev.pce.engine.learning.RelatedLearnings.TaskLearnings;
import dev.pce.engine.model.TaskSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ce_plan's related learnings: the notes most like each task, for a bounded number of tasks. */
class RelatedLearningsTest {

    @Test
    void eachTaskGetsItsMostAlikeNotesFoundByTitleDescriptionAndFiles() {
        MemoryKnowledge knowledge = MemoryKnowledge.of("shop", "billing");
        NoteRef storm = knowledge.add("billing", "failure", "Retry storm in payments", "Every payment retried.")
                .note();
        NoteRef jitter = knowledge.add("shop", "insight", "Retries need jitter", "Backoff with jitter.").note();
        List<TaskSpec> tasks = List.of(
                TaskSpec.builder("retry", "build").title("Add jitter to failed calls").description("Backoff for them")
                        .build(),
                TaskSpec.builder("pay", "build").title("Wire it up").writes("src/payment/Client.java").build(),
                TaskSpec.builder("docs", "docs").title("Write the guide").build());

        List<TaskLearnings> related = RelatedLearnings.forTasks(knowledge, tasks);

        assertThat(related).extracting(TaskLearnings::taskId).containsExactly("retry", "pay");
        assertThat(related.get(0).notes()).extracting(Learning::id).containsExactly(jitter.id());
        Learning payment = related.get(1).notes().getFirst();
        assertThat(payment).usingRecursiveComparison().ignoringFields("score").isEqualTo(new Learning("billing",
                storm.id(), storm.path(), storm.title(), storm.uri(), 0));
        assertThat(payment.score()).isPositive();
    }

    @Test
    void anEmptyStoreAsksNothingAndABigPlanIsBounded() {
        List<TaskSpec> tasks = IntStream.range(0, 150).mapToObj(i -> TaskSpec.builder("t" + i, "build")
                .title("Retry the payment call " + i).build()).toList();
        MemoryKnowledge empty = MemoryKnowledge.of("shop");
        assertThat(RelatedLearnings.forTasks(empty, tasks)).isEmpty();
        assertThat(empty.searches).isZero();

        MemoryKnowledge knowledge = MemoryKnowledge.of("shop");
        for (int i = 0; i < 5; i++) {
            knowledge.add("shop", "failure", "Payment retry " + i, "The payment call was retried.");
        }
        List<TaskLearnings> related = RelatedLearnings.forTasks(knowledge, tasks);
        assertThat(related).hasSize(RelatedLearnings.MAX_TASKS);
        assertThat(related).allSatisfy(task -> assertThat(task.notes()).hasSize(RelatedLearnings.PER_TASK));
        assertThat(knowledge.searches).isEqualTo(RelatedLearnings.MAX_TASKS);
    }

    @Test
    void aStoreThatCannotOpenSaysWhy() {
        assertThatThrownBy(() -> RelatedLearnings.forTasks(MemoryKnowledge.unopened(), List.of()))
                .hasMessageContaining("could not be opened");
    }
}
