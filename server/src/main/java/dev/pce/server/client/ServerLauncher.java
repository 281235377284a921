package dev.pce.server.client;

import dev.pce.server.Main;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the command that starts a PCE server process with the same Java and jar as the current process, so the
 * demo, the benchmark and the tests run exactly what {@code ./ce serve} runs.
 */
public final class ServerLauncher {
    /**
     * The flags {@code ./ce serve} uses (keep the two in step): JVM messages on stderr only, a small collector, C1
     * only, and the fastest start-up cache there is: the JDK 25 ahead-of-time cache the {@code ce} script prepares
     * beside the jar, else a class-data-sharing archive created on first use.
     */
    public static List<String> serverJvmOptions(Path jar) {
        List<String> options = new ArrayList<>();
        Path aotCache = jar.resolveSibling("pce-serve-" + System.getProperty("java.version") + ".aot");
        if (Runtime.version().feature() >= 25 && isNewer(aotCache, jar)) {
            options.add("-XX:AOTCache=" + aotCache);
        } else {
            Path archive = jar.resolveSibling("pce-serve.jsa");
            if (!isNewer(archive, jar)) {
                // an archive made from an older jar is refused and not always re-created: a fresh one is
                deleteQuietly(archive);
            }
            options.add("-XX:SharedArchiveFile=" + archive);
            options.add("-XX:+AutoCreateSharedArchive");
        }
        options.addAll(List.of("-Xlog:disable", "-Xlog:all=error:stderr", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"));
        return options;
    }

    private static boolean isNewer(Path file, Path than) {
        try {
            return Files.exists(file)
                    && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(than)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the JVM then starts without the archive: slower, still correct
        }
    }

    private ServerLauncher() {
    }

    /** The runnable jar: {@code -Dpce.jar} if set, else the jar this class was loaded from. */
    public static Path jar() {
        String configured = System.getProperty("pce.jar");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        try {
            Path source = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(source)) {
                return source;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the error
        }
        throw new IllegalStateException("Cannot find the PCE jar; run through ./ce or set -Dpce.jar=<path to pce.jar>.");
    }

    public static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** A process builder for {@code java <options> -jar pce.jar serve} with {@code CE_WORKSPACE} set. */
    public static ProcessBuilder serve(Path workspace, List<String> extraJvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        Path jar = jar();
        command.addAll(serverJvmOptions(jar));
        command.addAll(extraJvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.add("serve");
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("CE_WORKSPACE", workspace.toString());
        return builder;
    }
}
