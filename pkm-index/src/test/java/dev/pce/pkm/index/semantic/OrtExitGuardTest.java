package dev.pce.pkm.index.semantic;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The tests run with java.lang opened, as the server's jar does (its manifest's Add-Opens). */
class OrtExitGuardTest {

    @Test
    void theOnnxRuntimesOwnShutdownHookDoesNotStayRegistered() throws Exception {
        int before = hooks().size();

        OrtExitGuard.install();

        // a fresh environment adds the runtime's hook and the guard takes it out; an environment made before (by
        // another test in this JVM) adds none
        assertThat(hooks().size()).isLessThanOrEqualTo(before);
        OrtExitGuard.install();
        assertThat(hooks().size()).as("a second call adds nothing either").isLessThanOrEqualTo(before);
    }

    @SuppressWarnings("unchecked")
    private static Map<Thread, Thread> hooks() throws ReflectiveOperationException {
        Field field = Class.forName("java.lang.ApplicationShutdownHooks").getDeclaredField("hooks");
        field.setAccessible(true);
        return (Map<Thread, Thread>) field.get(null);
    }
}
