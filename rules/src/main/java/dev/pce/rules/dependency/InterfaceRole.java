package dev.pce.rules.dependency;

/** Whether a task produces or consumes an interface (an API, schema or contract). */
public enum InterfaceRole {
    PRODUCES, CONSUMES
}
