package dev.pce.pkm.index.semantic;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The real model, loaded from the jars on the class path (nothing is downloaded). */
class MiniLmEmbedderTest {
    private static TextEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = Embeddings.fromEnvironment(Map.of()).await().orElseThrow();
    }

    @Test
    void embeddingsAreDeterministicAndOfUnitLength() {
        float[] first = embedder.embed("Retry the request with exponential backoff.");
        float[] again = embedder.embed("Retry the request with exponential backoff.");

        assertThat(again).containsExactly(first);
        assertThat(first).hasSize(MiniLmEmbedder.DIMENSIONS).hasSize(embedder.dimensions());
        assertThat(Vectors.dot(first, first)).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void textsOfTheSameMeaningAreCloserThanUnrelatedOnes() {
        float[] question = embedder.embed("my laptop gets too hot");

        assertThat(Vectors.dot(question, embedder.embed("Cooling an overheating notebook computer")))
                .isGreaterThan(Vectors.dot(question, embedder.embed("Baking sourdough bread at home")));
    }

    @Test
    void semanticSearchCanBeTurnedOff() {
        Embeddings off = Embeddings.fromEnvironment(Map.of(Embeddings.VARIABLE, "off"));

        assertThat(off.enabled()).isFalse();
        assertThat(off.await()).isEmpty();
        assertThat(off.unavailable()).hasValueSatisfying(why -> assertThat(why).contains("CE_SEMANTIC=off"));
    }
}
