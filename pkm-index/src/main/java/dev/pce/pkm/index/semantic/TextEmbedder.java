package dev.pce.pkm.index.semantic;

/**
 * Turns text into a sentence embedding: a vector of unit length whose dot product with another text's vector says how
 * close the two are in meaning. Thread-safe; the same text always gives the same vector.
 */
public interface TextEmbedder {

    /** The model's name, for logs and benchmark reports. */
    String model();

    /** The length of every vector this embedder returns. */
    int dimensions();

    /** The embedding of {@code text}, normalized to unit length. */
    float[] embed(String text);
}
