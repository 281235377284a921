package dev.pce.rules.dependency;

/**
 * A task's accessed {@code path} lies inside {@code directory} (one fact per enclosing directory). Lets the rules
 * join "A writes a directory, B writes something in it" on equality, through Drools' indexes, instead of comparing
 * every pair of paths.
 */
public record PathWithin(String task, int taskIndex, AccessMode mode, String directory, String path) {
}
