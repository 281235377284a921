package dev.pce.engine.learning;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.pce.engine.Cancellation;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.knowledge.NewNote;
import dev.pce.engine.learning.Pattern.EstimateBias;
import dev.pce.engine.service.ClaimResult;
import dev.pce.engine.service.WorkflowService;
import dev.pce.testing.MutableClock;
import dev.pce.engine.testing.Plans;
import dev.pce.engine.workflow.CompleteCommand;
import dev.pce.engine.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import static dev.pce.engine.testing.Errors.assertError;
import static dev.pce.engine.testing.Errors.thrown;
import static dev.pce.engine.testing.Plans.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** ce_learn and ce_learn_from as engine use cases: a real workflow's log, an in-memory store and rules sink. */
class WorkflowLearnerTest {
    private static final Duration TTL = Duration.ofMinutes(60);

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.standard();
    private WorkflowService service;

    @BeforeEach
    void openService() {
        service = new WorkflowService(Workspace.open(dir.resolve("shop/.ce-workspace")), clock);
    }

    @AfterEach
    void closeService() {
        service.close();
    }

    /** Three builds estimated at 10 minutes that each took 20: the estimates of kind build run 2x low. */
    private static String slowBuilds(WorkflowService workflows, MutableClock clock) {
        String id = workflows.plan("ship", Plans.of(task("b1").estimate(10), task("b2").estimate(10),
                task("b3").estimate(10)), "planner").workflowId();
        for (int i = 0; i < 3; i++) {
            ClaimResult claim = workflows.claim(id, "builders", "bob", Optional.empty(), TTL);
            String taskId = claim.task().orElseThrow().spec().id();
            clock.advance(Duration.ofMinutes(20));
            workflows.complete(id, new CompleteCommand(taskId, claim.task().orElseThrow().claimId(), "bob", "done",
                    List.of(), NullNode.getInstance()));
        }
        return id;
    }

    @Test
    void aWorkflowsPatternsAreStoredWrittenAsNotesAndBecomeRules() {
        String id = slowBuilds(service, clock);
        MemoryKnowledge knowledge = MemoryKnowledge.of("shop");
        RecordingRules rules = RecordingRules.accepting(7);

        WorkflowLearner.Outcome outcome = new WorkflowLearner(service, knowledge, Optional.of(rules), clock).learn(id);

        assertThat(outcome.learned()).singleElement().isInstanceOfSatisfying(EstimateBias.class, bias -> {
            assertThat(bias.kind()).isEqualTo("build");
            assertThat(bias.factor()).isCloseTo(2.0, within(1e-9));
            assertThat(bias.samples()).isEqualTo(3);
            assertThat(bias.origin()).isEqualTo(PatternOrigin.local("shop"));
        });
        assertThat(outcome.storeVersion()).isEqualTo(1);
        assertThat(outcome.patterns()).isEqualTo(outcome.learned());
        assertThat(PatternStore.inWorkspace(service.workspace().root()).read().patterns().patterns())
                .isEqualTo(outcome.patterns());

        NewNote note = knowledge.captured.getFirst();
        assertThat(note.title()).isEqualTo("build takes 2.00x its estimate");
        assertThat(note.folder()).isEqualTo("patterns");
        assertThat(note.type()).isEqualTo("pattern");
        assertThat(note.status()).isEqualTo("learned");
        assertThat(note.tags()).containsExactly("learned", "estimate");
        assertThat(note.date()).isEqualTo(LocalDateTime.now(clock).withNano(0));
        assertThat(note.extra().keySet()).containsExactly("pattern", "samples", "confidence", "workflow",
                "evidence_workflows", "factor", "project_samples", "project_confidence", "project_factor",
                "project_workflows", "store_version");
        assertThat(note.extra().get("pattern").asText()).isEqualTo("estimate:build");
        assertThat(note.extra().get("factor").asDouble()).isEqualTo(2.0);
        assertThat(note.extra().get("evidence_workflows").get(0).asText()).isEqualTo(id);
        assertThat(note.body()).startsWith("Learned from workflow " + id + ": build takes 2.00x its estimate (3 "
                + "samples, confidence");
        assertThat(outcome.notes()).containsExactly(knowledge.notes("shop").getFirst().note());

        assertThat(rules.offered).containsExactly(outcome.patterns());
        assertThat(outcome.rulesVersion()).contains(7);
        assertThat(outcome.rulesNotice()).isEmpty();
    }

    @Test
    void withoutAnOpenStoreThePatternsAreStillLearnedAndStoredButNoNoteIsWritten() {
        String id = slowBuilds(service, clock);

        WorkflowLearner.Outcome outcome = new WorkflowLearner(service, MemoryKnowledge.unopened(), Optional.empty(),
                clock).learn(id);

        assertThat(outcome.learned()).singleElement().extracting(Pattern::origin)
                .isEqualTo(PatternOrigin.local("project"));
        assertThat(outcome.storeVersion()).isEqualTo(1);
        assertThat(outcome.notes()).isEmpty();
        assertThat(outcome.rulesVersion()).isEmpty();
    }

    @Test
    void rejectedRulesAreReportedAndThePatternsKeptAndNothingLearnedOffersNoRules() {
        String id = slowBuilds(service, clock);
        RecordingRules rejecting = RecordingRules.rejecting("slot factor: 2.0 is out of range");

        WorkflowLearner.Outcome outcome = new WorkflowLearner(service, MemoryKnowledge.of("shop"),
                Optional.of(rejecting), clock).learn(id);

        assertThat(outcome.rulesVersion()).isEmpty();
        assertThat(outcome.rulesNotice()).contains("slot factor: 2.0 is out of range");
        assertThat(outcome.storeVersion()).isEqualTo(1);

        String quiet = service.plan("nothing to learn", Plans.of(task("only")), "planner").workflowId();
        RecordingRules idle = RecordingRules.accepting(1);
        WorkflowLearner.Outcome nothing = new WorkflowLearner(service, MemoryKnowledge.of("shop"),
                Optional.of(idle), clock).learn(quiet);
        assertThat(nothing.learned()).isEmpty();
        assertThat(idle.offered).isEmpty();
        assertThat(nothing.rulesVersion()).isEmpty();
    }

    @Test
    void learningTheSameWorkflowAgainChangesNothing() {
        String id = slowBuilds(service, clock);
        MemoryKnowledge knowledge = MemoryKnowledge.of("shop");
        RecordingRules rules = RecordingRules.accepting(1);
        WorkflowLearner learner = new WorkflowLearner(service, knowledge, Optional.of(rules), clock);
        WorkflowLearner.Outcome first = learner.learn(id);

        WorkflowLearner.Outcome again = learner.learn(id);

        assertThat(again.unchanged()).isTrue();
        assertThat(first.unchanged()).isFalse();
        assertThat(again.storeVersion()).isEqualTo(first.storeVersion());
        assertThat(again.patterns()).isEqualTo(first.patterns());
        assertThat(again.patterns()).singleElement().satisfies(pattern -> {
            assertThat(pattern.samples()).isEqualTo(3);
            assertThat(pattern.confidence()).isEqualTo(Confidence.of(3));
        });
        assertThat(again.notes()).isEmpty();
        assertThat(knowledge.captured).as("no second note").hasSize(1);
        assertThat(rules.offered).as("no second rules version").hasSize(1);
    }

    @Test
    void patternsTheRulesLeftOutAreReportedWhileTheOthersAreInForce() {
        String id = slowBuilds(service, clock);
        PatternRejection left = new PatternRejection("estimate:db migration", "slot kind: ...");

        WorkflowLearner.Outcome outcome = new WorkflowLearner(service, MemoryKnowledge.of("shop"),
                Optional.of(RecordingRules.acceptingWithout(left)), clock).learn(id);

        assertThat(outcome.rulesVersion()).contains(1);
        assertThat(outcome.rejectedPatterns()).containsExactly(left);
    }

    @Test
    void aCancelledLearningStoresNothing() {
        String id = slowBuilds(service, clock);
        MemoryKnowledge knowledge = MemoryKnowledge.of("shop");
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();

        assertThatThrownBy(() -> new WorkflowLearner(service, knowledge, Optional.empty(), clock).learn(id,
                cancellation)).isInstanceOf(Cancellation.Cancelled.class);

        assertThat(PatternStore.inWorkspace(service.workspace().root()).read().version()).isZero();
        assertThat(knowledge.captured).isEmpty();
    }

    @Test
    void patternsOneProjectLearnedAreImportedByAnotherFromItsNotesMarkedWithTheirOrigin() {
        MemoryKnowledge billingVault = MemoryKnowledge.of("billing");
        WorkflowLearner.Outcome learned = new WorkflowLearner(service, billingVault, Optional.empty(), clock)
                .learn(slowBuilds(service, clock));
        MemoryKnowledge shopVaults = MemoryKnowledge.of("shop", "billing");
        billingVault.captured.forEach(note -> shopVaults.add("billing", note));
        shopVaults.add("billing", "insight", "Small reviews land faster", "Not a pattern.");

        try (WorkflowService shop = new WorkflowService(Workspace.open(dir.resolve("other/.ce-workspace")), clock)) {
            WorkflowLearner.Imported imported = new WorkflowLearner(shop, shopVaults, Optional.empty(), clock)
                    .importFrom("billing");

            EstimateBias original = (EstimateBias) learned.learned().getFirst();
            assertThat(imported.vault()).isEqualTo("billing");
            assertThat(imported.read()).singleElement().isInstanceOfSatisfying(EstimateBias.class, bias -> {
                assertThat(bias.kind()).isEqualTo("build");
                assertThat(bias.factor()).isEqualTo(2.0);
                assertThat(bias.samples()).isEqualTo(original.samples());
                assertThat(bias.workflows()).isEqualTo(original.workflows());
                assertThat(bias.origin()).isEqualTo(PatternOrigin.importedFrom("billing"));
            });
            assertThat(imported.storeVersion()).isEqualTo(1);
            assertThat(imported.patterns()).hasSize(1);

            RecordingRules rules = RecordingRules.accepting(4);
            WorkflowLearner.Imported again = new WorkflowLearner(shop, shopVaults, Optional.of(rules), clock)
                    .importFrom("billing");
            assertThat(rules.offered).as("the store's patterns become rules").containsExactly(again.patterns());
            assertThat(again.rulesVersion()).contains(4);
        }
    }

    @Test
    void anotherProjectImportsWhatTheProjectKnewNotTheLastWorkflowsWord() {
        MemoryKnowledge billingVault = MemoryKnowledge.of("billing");
        WorkflowLearner billing = new WorkflowLearner(service, billingVault, Optional.empty(), clock);
        billing.learn(slowBuilds(service, clock));
        clock.advance(Duration.ofMinutes(5));
        WorkflowLearner.Outcome second = billing.learn(slowBuilds(service, clock));
        EstimateBias known = (EstimateBias) second.patterns().getFirst();
        assertThat(known.samples()).isEqualTo(6);
        MemoryKnowledge shopVaults = MemoryKnowledge.of("shop", "billing");
        billingVault.captured.reversed().forEach(note -> shopVaults.add("billing", note)); // newest first

        try (WorkflowService shop = new WorkflowService(Workspace.open(dir.resolve("other/.ce-workspace")), clock)) {
            WorkflowLearner.Imported imported = new WorkflowLearner(shop, shopVaults, Optional.empty(), clock)
                    .importFrom("billing");

            assertThat(imported.read()).singleElement().isInstanceOfSatisfying(EstimateBias.class, bias -> {
                assertThat(bias.samples()).as("both workflows' samples, counted once").isEqualTo(6);
                assertThat(bias.factor()).isEqualTo(2.0);
                assertThat(bias.workflows()).isEqualTo(known.workflows());
            });
            // unconfirmed: half the confidence of 6 samples until this project's own evidence confirms it
            assertThat(imported.patterns().getFirst().confidence()).isCloseTo(Confidence.of(6) / 2, within(1e-9));
        }
    }

    @Test
    void importingFromTheOwnVaultOrWithoutOpenVaultsIsRefusedSayingWhy() {
        WorkflowLearner own = new WorkflowLearner(service, MemoryKnowledge.of("shop", "billing"), Optional.empty(),
                clock);
        CeException ownVault = thrown(ErrorCode.INVALID_ARGUMENT, () -> own.importFrom("shop"));
        assertThat(ownVault.getMessage()).isEqualTo("'shop' is this project's own vault.");
        assertThat(ownVault.fix()).contains("[shop, billing]", "CE_VAULTS");
        assertError(ErrorCode.INVALID_ARGUMENT, () -> own.importFrom("nowhere"), "no vault named 'nowhere'");

        WorkflowLearner closed = new WorkflowLearner(service, MemoryKnowledge.unopened(), Optional.empty(), clock);
        assertError(ErrorCode.INTERNAL, () -> closed.importFrom("billing"), "The vaults are not open");
    }
}
