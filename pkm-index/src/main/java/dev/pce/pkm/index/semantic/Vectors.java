package dev.pce.pkm.index.semantic;

/** Small vector arithmetic for embeddings. */
public final class Vectors {
    private Vectors() {
    }

    /** {@code vector} scaled to unit length (a copy); a zero vector stays zero. */
    public static float[] normalized(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        float[] unit = vector.clone();
        if (sum == 0) {
            return unit;
        }
        float scale = (float) (1 / Math.sqrt(sum));
        for (int i = 0; i < unit.length; i++) {
            unit[i] *= scale;
        }
        return unit;
    }

    public static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of " + a.length + " and " + b.length + " dimensions");
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
