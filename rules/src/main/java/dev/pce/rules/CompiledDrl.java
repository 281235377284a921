package dev.pce.rules;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import org.kie.api.KieBase;
import org.kie.api.io.Resource;
import org.kie.internal.io.ResourceFactory;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One class-path DRL file, compiled into a KieBase once, on first use or in the background, and then shared: a
 * KieBase is thread-safe, and each caller opens its own session on it.
 *
 * <p>Compiling a DRL takes a second or more in a fresh JVM, so it must not sit on the server's start-up path. Call
 * {@link #prepareInBackground()} once the server answers, or let the first {@link #kieBase()} build it. Each rule
 * set is a subclass with a process-wide instance ({@code DependencyRules.shared()}, {@code GateRules.shared()}).
 *
 * <p>A project may layer its own rules over the built-in DRL ({@code dev.pce.rules.authoring}):
 * {@link #compileWith} changes how the rules are built, and {@link #replace} swaps in rules compiled elsewhere.
 * Both swap atomically: a caller that already holds a KieBase keeps it for its session, so no call sees half a
 * change.
 */
public abstract class CompiledDrl {
    private final String drl;
    private final String description;
    private final AtomicReference<Build> build;

    /**
     * @param drl         the class-path location of the DRL ("rules/gates.drl")
     * @param description what the rules are, for error messages ("gate rules")
     */
    protected CompiledDrl(String drl, String description) {
        this.drl = Objects.requireNonNull(drl);
        this.description = Objects.requireNonNull(description);
        // a class, not a method reference: linking a reference to compile() would load Drools' KieBase (and open
        // the on-demand jar) while the server starts, long before the rules compile
        this.build = new AtomicReference<>(new Build(new Callable<>() {
            @Override
            public KieBase call() {
                return compile();
            }
        }));
    }

    /** The class-path location of the DRL. */
    public final String drl() {
        return drl;
    }

    /** What the rules are, for messages ("gate rules"). */
    public final String description() {
        return description;
    }

    /** Starts compiling on a daemon thread, unless it already started; returns at once. */
    public final void prepareInBackground() {
        Build current = build.get();
        if (current.started.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("pce-rules-build " + drl).start(current);
        }
    }

    /** Whether the rules are compiled (or failed to compile), so {@link #kieBase()} will not wait. */
    public final boolean isReady() {
        return build.get().isDone();
    }

    /**
     * The compiled rules. Compiles them on this thread if nobody started yet; waits if another thread is at it.
     *
     * @throws CeException {@link ErrorCode#INTERNAL} if the DRL is missing or does not compile; every later call
     *                     throws the same
     */
    public final KieBase kieBase() {
        Build current = build.get();
        current.started.set(true);
        current.run(); // no-op when another thread is running it or it is done
        try {
            return current.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CeException(ErrorCode.INTERNAL, "Interrupted while compiling the " + description + ".",
                    "Retry the call.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CeException ce) {
                throw ce;
            }
            throw new CeException(ErrorCode.INTERNAL, "The " + description + " in " + drl + " failed to compile: "
                    + e.getCause(), "This is a defect in PCE; report it with the server log.", e.getCause());
        }
    }

    /**
     * Builds the rules with {@code compiler} from now on, instead of the DRL alone (e.g. layered with a project's
     * own rules). Lazily, like the first build: the next {@link #kieBase()} or {@link #prepareInBackground()}
     * compiles. Callers already waiting for an earlier build get that build's rules.
     */
    public final void compileWith(Supplier<KieBase> compiler) {
        Objects.requireNonNull(compiler);
        build.set(new Build(compiler::get));
    }

    /** Swaps in rules compiled elsewhere, at once; calls that already hold the old KieBase finish with it. */
    public final void replace(KieBase compiled) {
        Build done = new Build(() -> compiled);
        done.started.set(true);
        done.run();
        build.set(done);
    }

    /**
     * The DRL as a Drools resource, for compilers that layer more DRL over it.
     *
     * @throws CeException {@link ErrorCode#INTERNAL} if it is not on the class path
     */
    public final Resource builtInDrl() {
        ClassLoader loader = getClass().getClassLoader();
        if (loader.getResource(drl) == null) {
            throw new CeException(ErrorCode.INTERNAL, "The " + description + " (" + drl + ") are not on the class path.",
                    "This is a defect in PCE's packaging: the rules jar must hold " + drl + "; rebuild it.");
        }
        return ResourceFactory.newClassPathResource(drl, loader);
    }

    /**
     * Whether the built-in DRL's constraints may be compiled to bytecode (see {@link DrlCompiler#newKnowledgeBase(
     * boolean)}): true only for DRL that uses no operator such as {@code str[startsWith]}, which compiled fails.
     * Rules layered over it (a project's, learned ones) stay interpreted whatever this says.
     */
    protected boolean compilesConstraints() {
        return false;
    }

    private KieBase compile() {
        return DrlCompiler.compile(builtInDrl(), description, drl, compilesConstraints());
    }

    /** One build of the rules; {@code started} keeps {@link #prepareInBackground()} to one thread per build. */
    private static final class Build extends FutureTask<KieBase> {
        final AtomicBoolean started = new AtomicBoolean();

        Build(Callable<KieBase> compiler) {
            super(compiler);
        }
    }
}
