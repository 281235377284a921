package dev.pce.server.wiring;

import dev.pce.rules.dependency.DependencyRules;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The background steps start on their events: nothing is even handed to a thread before its trigger. */
class StartupSequenceTest {
    /** Holds the background work instead of running it, so the test decides when each step runs. */
    private final List<Runnable> handedOver = new ArrayList<>();
    private final StartupSequence startup = new StartupSequence(handedOver::add);

    @Test
    void theRulesAreHandedToTheirThreadOnlyOnceTheFirstAnswerIsWritten() {
        CompletableFuture<Void> firstAnswer = new CompletableFuture<>();
        startup.compileRulesWhen(firstAnswer, Optional.of(DependencyRules.shared()));
        assertThat(handedOver).isEmpty();
        assertThat(startup.rulesStarted()).isNotDone();

        firstAnswer.complete(null);
        assertThat(handedOver).hasSize(1);
        assertThat(startup.rulesStarted()).as("the vaults wait until the rules began to compile").isNotDone();

        handedOver.getFirst().run();
        assertThat(startup.rulesStarted()).isCompleted();
    }

    @Test
    void withoutRulesTheVaultsOpenAtTheFirstAnswer() {
        CompletableFuture<Void> firstAnswer = new CompletableFuture<>();
        startup.compileRulesWhen(firstAnswer, Optional.empty());
        assertThat(startup.rulesStarted()).isNotDone();

        firstAnswer.complete(null);
        assertThat(startup.rulesStarted()).isCompleted();
        assertThat(handedOver).isEmpty();
    }
}
