package dev.pce.pkm.index;

import java.util.Locale;

/** How a search ranks notes. */
public enum SearchMode {
    /** BM25 over the words of the notes. */
    LEXICAL,
    /** Nearest neighbours of the query's sentence embedding: meaning rather than words. */
    SEMANTIC,
    /** Both rankings fused by reciprocal rank fusion. */
    HYBRID;

    /** The mode's name as tools and commands write it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
