package dev.pce.rules.dependency;

/** A task produces or consumes the interface {@code name}. */
public record InterfaceUse(String task, int taskIndex, String name, InterfaceRole role) {
}
