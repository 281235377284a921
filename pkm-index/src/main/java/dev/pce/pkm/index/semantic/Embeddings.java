package dev.pce.pkm.index.semantic;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The sentence embedder of a process, loaded once on a thread of its own when {@link #startLoading()} is first
 * called, so that no start-up and no search waits for it: until it is ready, indexing writes notes without vectors
 * and searches are lexical. Off when the environment says so ({@value #VARIABLE}{@code =off}). Thread-safe.
 */
public final class Embeddings {
    /** The environment variable that turns semantic search off ({@code off}) or on ({@code on}, the default). */
    public static final String VARIABLE = "CE_SEMANTIC";
    private static final Logger LOG = LoggerFactory.getLogger(Embeddings.class);
    private static final Embeddings OFF = new Embeddings(null);

    /** Null when off. */
    private final Supplier<TextEmbedder> loader;
    private final CompletableFuture<TextEmbedder> loaded = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();

    private Embeddings(Supplier<TextEmbedder> loader) {
        this.loader = loader;
    }

    /** No embeddings: every search is lexical. */
    public static Embeddings off() {
        return OFF;
    }

    /** An embedder ready now (tests, benchmarks). */
    public static Embeddings of(TextEmbedder embedder) {
        Embeddings ready = new Embeddings(() -> embedder);
        ready.started.set(true);
        ready.loaded.complete(Objects.requireNonNull(embedder, "embedder"));
        return ready;
    }

    /** An embedder loaded by {@code loader} when {@link #startLoading()} is called. */
    public static Embeddings loadedBy(Supplier<TextEmbedder> loader) {
        return new Embeddings(Objects.requireNonNull(loader, "loader"));
    }

    /** The MiniLM model, loaded when asked to; off when {@value #VARIABLE} is {@code off} in {@code environment}. */
    public static Embeddings fromEnvironment(Map<String, String> environment) {
        String setting = environment.getOrDefault(VARIABLE, "on").strip().toLowerCase(Locale.ROOT);
        return switch (setting) {
            case "off", "false", "0", "no" -> off();
            default -> loadedBy(SharedModel::get);
        };
    }

    /** Whether semantic search is on (the embedder may still be loading). */
    public boolean enabled() {
        return loader != null;
    }

    /** Starts loading the embedder on a daemon thread of its own, unless it is off, loading or loaded. */
    public void startLoading() {
        if (loader == null || !started.compareAndSet(false, true)) {
            return;
        }
        Thread.ofPlatform().daemon().name("pce-embeddings-load").start(() -> {
            long start = System.nanoTime();
            try {
                TextEmbedder embedder = NativeCalls.guarded(NativeCalls.run(loader));
                LOG.info("Sentence embeddings ready ({}) in {} ms", embedder.model(),
                        (System.nanoTime() - start) / 1_000_000);
                loaded.complete(embedder);
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("The sentence embedding model could not be loaded; searches stay lexical", e);
                loaded.completeExceptionally(e);
            }
        });
    }

    /**
     * Waits, at most {@code seconds}, for a load in flight to end (loaded or failed), so that a closing process does
     * not exit under it: the ONNX runtime's own shutdown work crashed (SIGSEGV) a load still creating its session.
     */
    public void awaitLoadInFlight(long seconds) {
        if (!started.get() || loaded.isDone()) {
            return;
        }
        try {
            loaded.get(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("No loaded model to wait for: {}", e.toString());
        }
    }

    /** The embedder if it is loaded now; never waits. */
    public Optional<TextEmbedder> ready() {
        return loaded.isDone() && !loaded.isCompletedExceptionally() ? Optional.of(loaded.join()) : Optional.empty();
    }

    /** Starts loading if needed and waits for the embedder (commands that run once); empty when off or failed. */
    public Optional<TextEmbedder> await() {
        if (loader == null) {
            return Optional.empty();
        }
        startLoading();
        try {
            return Optional.of(loaded.join());
        } catch (CompletionException e) {
            return Optional.empty();
        }
    }

    /** Why semantic search cannot answer now, for a search's notice; empty when the embedder is ready. */
    public Optional<String> unavailable() {
        if (loader == null) {
            return Optional.of("Semantic search is off (" + VARIABLE + "=off)");
        }
        if (!loaded.isDone()) {
            return Optional.of("The semantic model is still loading");
        }
        if (loaded.isCompletedExceptionally()) {
            return Optional.of("The semantic model could not be loaded (see the server log)");
        }
        return Optional.empty();
    }

    /**
     * The model's native code must not run while the JVM exits: the ONNX runtime crashed the process (SIGSEGV,
     * leaving a crash report in the working directory) when a short session ended while the model was loading. Every
     * load and embedding holds the read lock; a shutdown hook takes the write lock, waiting for the call in flight.
     * The hook alone is not enough (the other hooks run at the same time), so closing the vaults also waits for a
     * load in flight ({@link #awaitLoadInFlight}).
     */
    private static final class NativeCalls {
        private static final long DRAIN_SECONDS = 30;
        private static final ReentrantReadWriteLock LOCK = new ReentrantReadWriteLock();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(NativeCalls::drain, "pce-embeddings-drain"));
        }

        static <T> T run(Supplier<T> call) {
            LOCK.readLock().lock();
            try {
                return call.get();
            } finally {
                LOCK.readLock().unlock();
            }
        }

        /** Calls into {@code model} under the read lock. */
        static TextEmbedder guarded(TextEmbedder model) {
            return new TextEmbedder() {
                @Override
                public String model() {
                    return model.model();
                }

                @Override
                public int dimensions() {
                    return model.dimensions();
                }

                @Override
                public float[] embed(String text) {
                    return run(() -> model.embed(text));
                }
            };
        }

        /** Never unlocked: once the JVM exits, no native call may start. */
        private static void drain() {
            try {
                if (!LOCK.writeLock().tryLock(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("An embedding call still runs after {} s; exiting anyway", DRAIN_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One model per process, however many stores open it: it costs some 100 MB. */
    private static final class SharedModel {
        private static final TextEmbedder MODEL = MiniLmEmbedder.load();

        static TextEmbedder get() {
            return MODEL;
        }
    }
}
