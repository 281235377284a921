package dev.pce.pkm.knowledge;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.pce.engine.knowledge.NoteRef;
import dev.pce.engine.learning.Pattern;
import dev.pce.engine.learning.PatternOrigin;
import dev.pce.engine.learning.PatternStore;
import dev.pce.engine.learning.PlanPredictions;
import dev.pce.engine.learning.WorkflowLearner;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.service.ClaimResult;
import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.workflow.CompleteCommand;
import dev.pce.engine.workspace.Workspace;
import dev.pce.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The engine's learning use cases over the real knowledge store: one project learns a pattern over two workflows and
 * writes a note per workflow into its vault (markdown with YAML front matter), another project imports what the
 * first knew (both workflows, counted once) from that vault and predicts with it, naming the note as evidence.
 */
class LearningThroughVaultsTest {

    @TempDir
    Path tmp;

    private static TaskSpec build(String id) {
        return TaskSpec.builder(id, "build").title("Build " + id).estimate(10).build();
    }

    /** A workflow of three builds estimated at 10 minutes that each took 20; its id. */
    private static String slowBuilds(WorkflowService workflows, MutableClock clock) {
        String id = workflows.plan("ship", List.of(build("b1"), build("b2"), build("b3")), "planner").workflowId();
        for (int i = 0; i < 3; i++) {
            ClaimResult claim = workflows.claim(id, "builders", "bob", Optional.empty(), Duration.ofHours(1));
            clock.advance(Duration.ofMinutes(20));
            workflows.complete(id, new CompleteCommand(claim.task().orElseThrow().spec().id(),
                    claim.task().orElseThrow().claimId(), "bob", "done", List.of(), NullNode.getInstance()));
        }
        return id;
    }

    @Test
    void aPatternLearnedInOneProjectIsImportedFromItsVaultAndPredictsInAnother() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z")); // builds take twice their estimate
        Path billingVault = tmp.resolve("billing/vault");
        Pattern learned;
        NoteRef written;
        try (WorkflowService billing = new WorkflowService(Workspace.open(tmp.resolve("billing/.ce-workspace")),
                clock);
             VaultKnowledgeStore vault = VaultKnowledgeStore.openNow(billing.workspace(), Map.of(
                     "CE_VAULT", billingVault.toString(), "CE_PROJECT", "billing"))) {
            WorkflowLearner learner = new WorkflowLearner(billing, vault, Optional.empty(), clock);
            learner.learn(slowBuilds(billing, clock));
            clock.advance(Duration.ofMinutes(5));
            WorkflowLearner.Outcome outcome = learner.learn(slowBuilds(billing, clock));

            learned = outcome.patterns().getFirst(); // what billing knows: both workflows
            assertThat(learned.samples()).isEqualTo(6);
            written = outcome.notes().getFirst();
            assertThat(written.vault()).isEqualTo("billing");
            assertThat(Files.readString(billingVault.resolve(written.path()))).contains("type: pattern",
                    "project: billing", "pattern: estimate:build", "samples: 3", "factor: 2.0",
                    "project_samples: 6", "project_factor: 2.0", "store_version: 2");
        }

        try (WorkflowService shop = new WorkflowService(Workspace.open(tmp.resolve("shop/.ce-workspace")), clock);
             VaultKnowledgeStore vaults = VaultKnowledgeStore.openNow(shop.workspace(), Map.of(
                     "CE_VAULT", tmp.resolve("shop/vault").toString(), "CE_PROJECT", "shop",
                     "CE_VAULTS", "billing=" + billingVault))) {
            VaultKnowledgeStoreTest.awaitIndexed(vaults, 2);

            WorkflowLearner.Imported imported = new WorkflowLearner(shop, vaults, Optional.empty(), clock)
                    .importFrom("billing");

            assertThat(imported.read()).singleElement().isInstanceOfSatisfying(Pattern.EstimateBias.class, bias -> {
                assertThat(bias.key()).isEqualTo(learned.key());
                assertThat(bias.factor()).isEqualTo(2.0);
                assertThat(bias.samples()).isEqualTo(learned.samples());
                assertThat(bias.workflows()).isEqualTo(learned.workflows());
                assertThat(bias.origin()).isEqualTo(PatternOrigin.importedFrom("billing"));
            });

            List<PlanPredictions.Prediction> predictions = new PlanPredictions(
                    PatternStore.inWorkspace(shop.workspace().root()), tasks -> List.of(), vaults)
                    .predict(List.of(build("checkout")));
            assertThat(predictions).singleElement().satisfies(prediction -> {
                assertThat(prediction.kind()).isEqualTo("estimate");
                assertThat(prediction.evidence()).extracting(NoteRef::vault, NoteRef::path, NoteRef::uri)
                        .contains(tuple("billing", written.path(), "pkm://note/billing/" + written.id()));
            });
        }
    }
}
