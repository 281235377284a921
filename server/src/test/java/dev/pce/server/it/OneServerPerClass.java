package dev.pce.server.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

/**
 * For ITs whose tests share one server: started on a workspace in a temporary directory before the class's first
 * test, closed after its last. JUnit runs this {@code @BeforeAll} before a subclass's own, so the subclass can
 * prepare what its tests share on {@link #server}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OneServerPerClass {
    ServerUnderTest server;

    @BeforeAll
    final void startServer(@TempDir Path temp) throws IOException {
        server = ServerUnderTest.start(temp.resolve("ws"));
    }

    @AfterAll
    final void stopServer() {
        server.close();
    }
}
