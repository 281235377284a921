package dev.pce.rules.dependency;

/** {@code to} lists {@code from} in its depends_on, with the type it declared. */
public record DeclaredDependency(String from, String to, DeclaredType type) {
}
