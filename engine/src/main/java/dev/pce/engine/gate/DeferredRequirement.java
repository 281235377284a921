package dev.pce.engine.gate;

import java.util.Objects;

/**
 * A required dimension a gate does not wait for yet, because no work up to it can have produced its evidence (the
 * review of a build planned after the build's wave). Evidence of it that is there is still judged; a later gate,
 * whose work can produce it, requires it.
 *
 * @param reason why it cannot be there yet: "no task up to wave 0 produces review evidence (...)"
 */
public record DeferredRequirement(Dimension dimension, String reason) {

    public DeferredRequirement {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(reason, "reason");
    }
}
