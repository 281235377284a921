package dev.pce.engine.gate;

import java.util.Objects;

/**
 * A dimension the gate must see measured, required from outside the rules: the project's configuration
 * ({@code gates.required}) or a command that judges that dimension alone. The gate rules add their own per project
 * type.
 *
 * @param origin where the requirement comes from, for reasons: ".ce/config.yml gates.required"
 */
public record DimensionRequirement(Dimension dimension, String origin) {

    public DimensionRequirement {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(origin, "origin");
    }
}
