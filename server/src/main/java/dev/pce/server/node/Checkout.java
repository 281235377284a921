package dev.pce.server.node;

import java.nio.file.Path;

/** The checkout of PCE this process runs from: where the {@code ce} script is. */
public final class Checkout {

    private Checkout() {
    }

    /**
     * The repository's top folder: {@code -Dpce.root} (the tests), else the folder of the {@code ce} script that
     * started this JVM (it names itself in {@code CE_LAUNCHER}), else the parent of the working directory (a module's
     * folder).
     */
    public static Path root() {
        String root = System.getProperty("pce.root");
        String launcher = System.getenv("CE_LAUNCHER");
        Path path = root != null && !root.isBlank() ? Path.of(root)
                : launcher != null && !launcher.isBlank() ? Path.of(launcher).toAbsolutePath().getParent()
                : Path.of("").toAbsolutePath().getParent();
        return path.toAbsolutePath().normalize();
    }

    /** The {@code ce} script, as a user calls it: by its absolute path. */
    public static Path ceScript() {
        return root().resolve("ce");
    }
}
