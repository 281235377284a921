package dev.pce.engine.testing;

import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.workspace.Workspace;
import dev.pce.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * For tests of a {@link WorkflowService} on real files: before each test, a fresh workspace in the test's temporary
 * directory and a service on it, at a {@link MutableClock} the test moves; after it, the service closed. A test whose
 * service needs more (a gate judge, a conflict arbiter) overrides {@link #newService()}. JUnit runs this class's
 * {@code @BeforeEach} before the test's own, so a test's set-up can plan on {@link #service} already.
 */
public abstract class ServiceTestBase {
    @TempDir
    protected Path dir;

    protected final MutableClock clock = MutableClock.standard();
    protected Workspace workspace;
    protected WorkflowService service;

    @BeforeEach
    protected final void openService() {
        workspace = Workspace.open(dir.resolve(".ce-workspace"));
        service = newService();
    }

    /** The service under test, on {@link #workspace} at {@link #clock}: the plain one unless a test says more. */
    protected WorkflowService newService() {
        return new WorkflowService(workspace, clock);
    }

    @AfterEach
    protected final void closeService() {
        service.close();
    }
}
