package dev.pce.rules.dependency;

/** Whether a task reads or writes a path. */
public enum AccessMode {
    READ, WRITE
}
