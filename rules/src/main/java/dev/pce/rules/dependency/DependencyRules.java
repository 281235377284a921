package dev.pce.rules.dependency;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The compiled dependency rules (rules/dependencies.drl), built once per process and shared: a KieBase is
 * thread-safe, and each classification opens its own session on it.
 *
 * <p>Compiling the DRL takes a second or more in a fresh JVM, so it must not sit on the server's start-up path.
 * Call {@link #prepareInBackground()} once the server answers, or let the first {@link #kieBase()} build it.
 */
public final class DependencyRules {
    /** Class-path location of the DRL. */
    public static final String DRL = "rules/dependencies.drl";

    private static final DependencyRules SHARED = new DependencyRules();

    private final FutureTask<KieBase> build = new FutureTask<>(DependencyRules::compile);
    private final AtomicBoolean started = new AtomicBoolean();

    private DependencyRules() {
    }

    /** The process-wide instance. */
    public static DependencyRules shared() {
        return SHARED;
    }

    /** Starts compiling on a daemon thread, unless it already started; returns at once. */
    public void prepareInBackground() {
        if (started.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("pce-rules-build").start(build);
        }
    }

    /** Whether the rules are compiled (or failed to compile), so {@link #kieBase()} will not wait. */
    public boolean isReady() {
        return build.isDone();
    }

    /**
     * The compiled rules. Compiles them on this thread if nobody started yet; waits if another thread is at it.
     *
     * @throws CeException {@link ErrorCode#INTERNAL} if the DRL does not compile
     */
    public KieBase kieBase() {
        started.set(true);
        build.run(); // no-op when another thread is running it or it is done
        try {
            return build.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CeException(ErrorCode.INTERNAL, "Interrupted while compiling the dependency rules.",
                    "Retry the call.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CeException ce) {
                throw ce;
            }
            throw new CeException(ErrorCode.INTERNAL, "The dependency rules failed to compile: " + e.getCause(),
                    "This is a defect in PCE; report it with the server log.", e.getCause());
        }
    }

    private static KieBase compile() {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(ResourceFactory.newClassPathResource(DRL, DependencyRules.class.getClassLoader()),
                ResourceType.DRL);
        if (builder.hasErrors()) {
            throw new CeException(ErrorCode.INTERNAL, "The dependency rules in " + DRL + " do not compile: "
                    + builder.getErrors(), "Correct the DRL at the lines named; run the rules scenarios to check.");
        }
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
        base.addPackages(builder.getKnowledgePackages());
        return base;
    }
}
