package dev.pce.server.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions that end right after a search: the search starts loading the embedding model, and the server must not
 * exit while the model's native code loads. It once did, crashing in the ONNX runtime about one session in three
 * and leaving the JVM's crash report in the project folder, where a CI job committed it.
 */
class ShortSessionIT {
    private static final int SESSIONS = 8;

    @TempDir
    Path temp;

    @Test
    void aSessionThatEndsWhileTheModelLoadsExitsWithoutACrashReport() throws IOException {
        Path project = Files.createDirectories(temp.resolve("project"));
        Path vault = Files.createDirectories(temp.resolve("vault"));
        Files.writeString(vault.resolve("cooling.md"), "---\ntitle: Cooling\n---\nThe laptop fan was cleaned.\n");

        for (int session = 0; session < SESSIONS; session++) {
            try (ServerUnderTest server = ServerUnderTest.startIn(project, temp.resolve("ws"),
                    Map.of("CE_VAULT", vault.toString()))) {
                server.ok("ce_search", args("query", "laptop heat"));
            }
        }

        try (Stream<Path> files = Files.list(project)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .as("no JVM crash report in the project").noneMatch(name -> name.startsWith("hs_err"));
        }
    }
}
