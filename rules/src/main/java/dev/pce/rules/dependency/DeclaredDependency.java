package dev.pce.rules.dependency;

/** {@code to} lists {@code from} in its depends_on, with the type it declared. */
public record DeclaredDependency(String from, String to, DeclaredType type) {

    /**
     * The type's wire name ("untyped", "soft"): the built-in rules compare this string rather than the enum, since
     * Drools finds the rules for a string or boolean value by one hash lookup per fact, where it evaluates a
     * comparison with an enum constant one by one (the rules' constraints are interpreted, see DrlCompiler).
     */
    public String getTypeName() {
        return type.wireName();
    }
}
