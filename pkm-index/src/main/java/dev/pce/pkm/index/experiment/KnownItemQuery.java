package dev.pce.pkm.index.experiment;

import java.util.Objects;

/** A search text made of words of one note's body; that note (its path) is the one right answer. */
public record KnownItemQuery(String text, String target) {
    public KnownItemQuery {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(target, "target");
    }
}
