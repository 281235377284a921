package dev.pce.engine.testing;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.workspace.Workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the engine's fuzz targets share: one scratch directory per JVM (a fuzzing run calls a target hundreds of
 * thousands of times, so targets reuse files in it instead of making a temporary directory per input) and the check
 * that a refusal is an error a user can act on.
 */
public final class Fuzzing {
    private static final Path SCRATCH = createScratch();

    private Fuzzing() {
    }

    /** A directory that lives as long as the JVM. */
    public static Path scratch() {
        return SCRATCH;
    }

    /**
     * Asserts that {@code error} is one of the {@code expected} codes and says what is wrong (naming
     * {@code where}) and how to fix it.
     */
    public static void assertClear(CeException error, String where, ErrorCode... expected) {
        assertThat(error.code()).as("code of: %s", error.describe()).isIn((Object[]) expected);
        assertThat(error.getMessage()).as("what").isNotBlank().contains(where);
        assertThat(error.fix()).as("fix of: %s", error.getMessage()).isNotBlank();
    }

    /** The input as hex, for assertion messages about binary inputs. */
    public static String hex(byte[] input) {
        return HexFormat.of().formatHex(input, 0, Math.min(input.length, 512));
    }

    private static Path createScratch() {
        try {
            Path dir = Files.createTempDirectory("pce-fuzz");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Workspace.deleteTree(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
