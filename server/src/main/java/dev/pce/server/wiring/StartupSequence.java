package dev.pce.server.wiring;

import dev.pce.rules.conflict.ConflictRules;
import dev.pce.rules.dependency.DependencyRules;
import dev.pce.rules.gate.GateRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * What a server prepares in the background once it serves, one step after the other, each started by an event and
 * never after a sleep: the rules compile once the client has the tools (over stdio the answer to its first
 * {@code tools/list}, or its first tool call: Claude Code does not wait for a server before its first model turn, so
 * the handshake and the tool list must not share the two cores with a second or two of compiling; over HTTP, where
 * answers have no one order, as serving starts), and the vaults open once the rules began to compile (their
 * Lucene indexes take a few hundred milliseconds). A {@code ce_plan} that comes before the rules are compiled waits
 * for them, learned rules included; a tool that needs the vaults waits for those.
 */
public final class StartupSequence {
    private static final Logger LOG = LoggerFactory.getLogger(StartupSequence.class);

    private final Executor background;
    private final CompletableFuture<Void> rulesStarted = new CompletableFuture<>();

    /** @param background runs the compiling (a server's: a daemon thread of its own, {@link #onOwnThread}) */
    public StartupSequence(Executor background) {
        this.background = background;
    }

    /** The sequence of a server: the rules compile on a daemon thread of their own. */
    public static StartupSequence onOwnThread() {
        return new StartupSequence(work -> Thread.ofPlatform().daemon().name("pce-rules-build").start(work));
    }

    /** Completes when the rules began to compile, or at the trigger when there are none: the vaults open then. */
    public CompletionStage<Void> rulesStarted() {
        return rulesStarted;
    }

    /**
     * Compiles {@code rules} (with the gate and conflict rules) in the background once {@code trigger} completes.
     * The learned rules are part of these builds ({@code ServerWiring} joins them before the server serves), so a
     * {@code ce_plan} that waits for the rules waits for the learned ones too.
     *
     * @param rules none: nothing compiles (the start-up training, whose cache must hold no rules class)
     */
    public void compileRulesWhen(CompletionStage<?> trigger, Optional<DependencyRules> rules) {
        trigger.thenRun(() -> {
            if (rules.isEmpty()) {
                rulesStarted.complete(null);
            } else {
                background.execute(() -> compile(rules.get()));
            }
        });
    }

    private void compile(DependencyRules rules) {
        LOG.debug("Compiling the rules");
        rulesStarted.complete(null);
        try {
            rules.kieBase(); // compiles here, unless a ce_plan got there first
            GateRules.shared().kieBase();
            ConflictRules.shared().kieBase();
        } catch (RuntimeException e) {
            LOG.error("The rules did not compile; ce_plan and ce_gate will report it", e);
        }
    }
}
