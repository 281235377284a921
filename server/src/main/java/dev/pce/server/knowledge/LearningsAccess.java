package dev.pce.server.knowledge;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.workspace.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The learnings of a running server, opened on a background thread after start-up: opening Lucene indexes takes a
 * few hundred milliseconds that the server's first answers should not wait for. The tools that need the learnings
 * wait for them; a configuration error (a bad {@code CE_VAULTS}) is reported by those tools, not by a server that
 * refuses to start.
 */
public final class LearningsAccess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LearningsAccess.class);

    private final CompletableFuture<Learnings> opened;

    private LearningsAccess(CompletableFuture<Learnings> opened) {
        this.opened = opened;
    }

    /**
     * Opens the vaults the environment names on a background thread once {@code trigger} completes: for a server,
     * once its rules began to compile, after its first answer (see {@code StartupSequence}).
     */
    public static LearningsAccess openWhen(CompletionStage<?> trigger, Workspace workspace, Map<String, String> env) {
        CompletableFuture<Learnings> opened = new CompletableFuture<>();
        trigger.thenRun(() -> Thread.ofPlatform().daemon().name("pce-learnings-open").start(() -> {
            try {
                LOG.debug("Opening the vaults");
                opened.complete(Learnings.open(workspace, VaultSources.fromEnvironment(workspace, env)));
            } catch (RuntimeException | Error e) {
                LOG.error("The vaults could not be opened; the learning tools will report why", e);
                opened.completeExceptionally(e);
            }
        }));
        return new LearningsAccess(opened);
    }

    /** Already open learnings (for tests and commands that open them themselves). */
    public static LearningsAccess of(Learnings learnings) {
        return new LearningsAccess(CompletableFuture.completedFuture(learnings));
    }

    /** No learnings: every tool that needs them reports {@code why}. */
    public static LearningsAccess unavailable(String why) {
        return new LearningsAccess(CompletableFuture.failedFuture(new CeException(ErrorCode.INTERNAL, why,
                "Run the server with 'ce serve'.")));
    }

    /** The learnings, once open. */
    public Learnings get() {
        try {
            return opened.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof CeException ce) {
                throw ce;
            }
            // the cause is a defect; its class and message go to the log only
            throw new CeException(ErrorCode.INTERNAL, "The vaults could not be opened (a PCE bug).",
                    "See the server log for the cause.", e.getCause());
        }
    }

    /** The learnings, waiting for them to open; empty when they could not be opened (the cause is logged). */
    public Optional<Learnings> ifOpenOrWait() {
        try {
            return Optional.of(get());
        } catch (CeException e) {
            LOG.warn("No vault for the learned patterns' notes: {}", e.describe());
            return Optional.empty();
        }
    }

    /** The learnings if they opened fine by now, without waiting. */
    public Optional<Learnings> ifOpen() {
        return opened.isDone() && !opened.isCompletedExceptionally() ? Optional.of(opened.join()) : Optional.empty();
    }

    @Override
    public void close() {
        opened.cancel(false);
        ifOpen().ifPresent(Learnings::close);
    }
}
