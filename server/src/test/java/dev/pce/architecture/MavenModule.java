package dev.pce.architecture;

import java.util.Set;

/**
 * A Maven module as the architecture test sees it: the package all its classes live under, and the other modules
 * (by name) it may use.
 */
record MavenModule(String name, String rootPackage, Set<String> mayUse) {

    /** The root package and every package below it, as ArchUnit writes it. */
    String packages() {
        return rootPackage + "..";
    }

    @Override
    public String toString() {
        return name;
    }
}
