package dev.pce.server.client;

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
     * only, and the JDK's built-in locale data instead of the CLDR's (the server formats everything with
     * {@code Locale.ROOT}, and the CLDR's list of a thousand locales costs its JSON mapper 10 ms of a core), and a
     * heap that gives back what a large call needed (grown by no more than a fifth free, shrunk at a full collection
     * to at most two fifths free, at once; the server runs one when idle, {@code HeapRelease}). The start-up cache
     * comes on top ({@link #serverJvmOptions}).
     */
    static final List<String> JVM_FLAGS = List.of("-Xlog:disable", "-Xlog:all=error:stderr", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Djava.locale.providers=HOST", "-XX:MinHeapFreeRatio=20",
            "-XX:MaxHeapFreeRatio=40", "-XX:-ShrinkHeapInSteps");

    /**
     * The options {@code ./ce serve} starts the JVM with: the start-up cache the build wrote beside the jar for this
     * JDK, if it is there and fresh (nothing here writes one), and the server's flags.
     */
    public static List<String> serverJvmOptions(Path jar) {
        List<String> options = new ArrayList<>(StartupCache.forRunningJdk(jar).useOptions());
        options.addAll(JVM_FLAGS);
        return options;
    }

    private ServerLauncher() {
    }

    /**
     * The runnable jar: {@code -Dpce.jar} if set, else the jar this class was loaded from (the shaded jar holds
     * every server class, the entry point too).
     */
    public static Path jar() {
        String configured = System.getProperty("pce.jar");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        try {
            Path source = Path.of(ServerLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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
