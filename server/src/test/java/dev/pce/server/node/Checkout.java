package dev.pce.server.node;

import java.nio.file.Path;

/** The checkout of PCE the tests run in: where a user's {@code ce} script is. */
public final class Checkout {

    private Checkout() {
    }

    /** The repository's top folder: {@code -Dpce.root} (set by the build), else the parent of the module's folder. */
    public static Path root() {
        String root = System.getProperty("pce.root");
        Path path = root == null || root.isBlank() ? Path.of("").toAbsolutePath().getParent() : Path.of(root);
        return path.toAbsolutePath().normalize();
    }

    /** The {@code ce} script, as a user calls it: by its absolute path. */
    public static Path ceScript() {
        return root().resolve("ce");
    }
}
