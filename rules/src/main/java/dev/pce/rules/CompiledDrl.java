package dev.pce.rules;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One class-path DRL file, compiled into a KieBase once, on first use or in the background, and then shared: a
 * KieBase is thread-safe, and each caller opens its own session on it.
 *
 * <p>Compiling a DRL takes a second or more in a fresh JVM, so it must not sit on the server's start-up path. Call
 * {@link #prepareInBackground()} once the server answers, or let the first {@link #kieBase()} build it. Each rule
 * set is a subclass with a process-wide instance ({@code DependencyRules.shared()}, {@code GateRules.shared()}).
 */
public abstract class CompiledDrl {
    private final String drl;
    private final String description;
    private final FutureTask<KieBase> build;
    private final AtomicBoolean started = new AtomicBoolean();

    /**
     * @param drl         the class-path location of the DRL ("rules/gates.drl")
     * @param description what the rules are, for error messages ("gate rules")
     */
    protected CompiledDrl(String drl, String description) {
        this.drl = Objects.requireNonNull(drl);
        this.description = Objects.requireNonNull(description);
        this.build = new FutureTask<>(this::compile);
    }

    /** The class-path location of the DRL. */
    public final String drl() {
        return drl;
    }

    /** Starts compiling on a daemon thread, unless it already started; returns at once. */
    public final void prepareInBackground() {
        if (started.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("pce-rules-build " + drl).start(build);
        }
    }

    /** Whether the rules are compiled (or failed to compile), so {@link #kieBase()} will not wait. */
    public final boolean isReady() {
        return build.isDone();
    }

    /**
     * The compiled rules. Compiles them on this thread if nobody started yet; waits if another thread is at it.
     *
     * @throws CeException {@link ErrorCode#INTERNAL} if the DRL is missing or does not compile; every later call
     *                     throws the same
     */
    public final KieBase kieBase() {
        started.set(true);
        build.run(); // no-op when another thread is running it or it is done
        try {
            return build.get();
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

    private KieBase compile() {
        ClassLoader loader = getClass().getClassLoader();
        if (loader.getResource(drl) == null) {
            throw new CeException(ErrorCode.INTERNAL, "The " + description + " (" + drl + ") are not on the class path.",
                    "This is a defect in PCE's packaging: the rules jar must hold " + drl + "; rebuild it.");
        }
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(ResourceFactory.newClassPathResource(drl, loader), ResourceType.DRL);
        if (builder.hasErrors()) {
            throw new CeException(ErrorCode.INTERNAL, "The " + description + " in " + drl + " do not compile: "
                    + builder.getErrors(), "Correct the DRL at the lines named; run the rules scenarios to check.");
        }
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
        base.addPackages(builder.getKnowledgePackages());
        return base;
    }
}
