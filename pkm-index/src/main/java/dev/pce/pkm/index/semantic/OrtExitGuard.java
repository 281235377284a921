package dev.pce.pkm.index.semantic;

import ai.onnxruntime.OrtEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The ONNX runtime closes its native environment in a JVM shutdown hook of its own, and the JVM runs every hook at
 * once: a model load or an embedding still in flight then uses freed memory, and the process dies of SIGSEGV with a
 * crash report in its working directory (seen when a server was stopped while the model loaded). The environment is
 * created here first and that one hook taken out again; the process's exit frees the memory anyway.
 *
 * <p>Finding the hook needs {@code java.lang} opened to this code: the server's jar says so in its manifest
 * ({@code Add-Opens}). Without it nothing is taken out and the other guard (waiting for native calls at exit) stays.
 */
final class OrtExitGuard {
    private static final Logger LOG = LoggerFactory.getLogger(OrtExitGuard.class);
    private static final String HOOKS_TABLE_CLASS = "java.lang.ApplicationShutdownHooks";
    private static final Object HOOKS_TABLE = hooksTable();

    private OrtExitGuard() {
    }

    /** Creates the ONNX environment; true when its shutdown hook was found and taken out. */
    static synchronized boolean install() {
        Map<Thread, Thread> hooks = registeredHooks();
        if (hooks == null) {
            OrtEnvironment.getEnvironment();
            return false;
        }
        Set<Thread> before = snapshot(hooks);
        OrtEnvironment.getEnvironment(); // registers the runtime's hook once, when the environment is created
        Set<Thread> added = snapshot(hooks);
        added.removeAll(before);
        if (added.size() != 1) {
            LOG.debug("ONNX runtime's shutdown hook not identified ({} hooks added); left in place", added.size());
            return false;
        }
        try {
            return Runtime.getRuntime().removeShutdownHook(added.iterator().next());
        } catch (IllegalStateException exiting) {
            return false;
        }
    }

    private static Object hooksTable() {
        try {
            return Class.forName(HOOKS_TABLE_CLASS);
        } catch (ClassNotFoundException e) {
            return OrtExitGuard.class; // no table to guard: registeredHooks finds none either
        }
    }

    /** The JVM's table of shutdown hooks, or null where it cannot be read. */
    @SuppressWarnings("unchecked")
    private static Map<Thread, Thread> registeredHooks() {
        try {
            Field field = Class.forName(HOOKS_TABLE_CLASS).getDeclaredField("hooks");
            field.setAccessible(true);
            return (Map<Thread, Thread>) field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("Shutdown hooks not readable ({}); the ONNX runtime's stays", e.toString());
            return null;
        }
    }

    private static Set<Thread> snapshot(Map<Thread, Thread> hooks) {
        synchronized (HOOKS_TABLE) { // the lock the JVM guards its table with
            return new HashSet<>(hooks.keySet());
        }
    }
}
