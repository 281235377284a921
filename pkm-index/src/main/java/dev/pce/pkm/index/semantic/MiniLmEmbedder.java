package dev.pce.pkm.index.semantic;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * The quantized all-MiniLM-L6-v2 sentence-transformer (384 dimensions), run in process by the ONNX runtime. The
 * model, its tokenizer and the native libraries all come from jars on the class path: nothing is downloaded. The
 * natives are unpacked on first use (the ONNX runtime's to a temporary folder, the tokenizer's to DJL's cache folder,
 * {@code ~/.djl.ai} unless {@code DJL_CACHE_DIR} names another).
 */
public final class MiniLmEmbedder implements TextEmbedder {
    public static final String MODEL = "all-MiniLM-L6-v2 (quantized)";
    public static final int DIMENSIONS = 384;

    private final EmbeddingModel model;

    private MiniLmEmbedder(EmbeddingModel model) {
        this.model = model;
    }

    /** Loads the model: about a second of work and some 100 MB of memory. Callers run this off the start-up path. */
    public static MiniLmEmbedder load() {
        OrtExitGuard.install();
        // direct executor: texts are embedded on the caller's thread, whose parallelism the caller chooses
        return new MiniLmEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run));
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public float[] embed(String text) {
        return Vectors.normalized(model.embed(text).content().vector());
    }
}
