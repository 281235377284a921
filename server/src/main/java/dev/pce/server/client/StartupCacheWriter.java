package dev.pce.server.client;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes the server's start-up cache for the JDK running it: the build's last step (server/pom.xml, package phase,
 * after the jars), so that no server start, above all not Claude Code's first, spends seconds writing one. A JVM with
 * the server's flags runs the start-up training ({@code train-startup}) and records the cache into a temporary file,
 * which is then moved into place: a server never finds half a cache. A failure is reported and leaves no cache (the
 * server then starts without one, slower but correct), so it does not fail the build.
 */
public final class StartupCacheWriter {
    private static final long TRAINING_TIMEOUT_MINUTES = 5;
    /** The home of the JDK that wrote the last cache, read by the ce script. */
    static final String JDK_RECORD = "pce-serve.jdk";

    private StartupCacheWriter() {
    }

    /** {@code java -cp pce.jar dev.pce.server.client.StartupCacheWriter PATH/pce.jar} */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: StartupCacheWriter PATH/pce.jar");
            System.exit(2);
        }
        Path jar = Path.of(args[0]).toRealPath();
        write(StartupCache.forRunningJdk(jar), System.err);
    }

    /** Writes {@code cache}; returns whether it is now in place. Reports on {@code report}. */
    public static boolean write(StartupCache cache, PrintStream report) throws IOException, InterruptedException {
        deleteStaleCaches(cache.jar());
        Path partial = cache.file().resolveSibling(cache.file().getFileName() + ".tmp");
        Path log = cache.file().resolveSibling(cache.file().getFileName() + ".log");
        Files.deleteIfExists(partial);
        List<String> command = new ArrayList<>(List.of(ServerLauncher.javaExecutable().toString()));
        command.addAll(cache.recordOptions(partial));
        command.addAll(ServerLauncher.JVM_FLAGS);
        command.addAll(List.of("-jar", cache.jar().toString(), "train-startup"));
        long started = System.nanoTime();
        Process training = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        training.getOutputStream().close();
        boolean ended = training.waitFor(TRAINING_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!ended) {
            training.destroyForcibly().waitFor();
        }
        if (!ended || training.exitValue() != 0 || !Files.isRegularFile(partial)) {
            Files.deleteIfExists(partial);
            report.printf("The server's start-up cache was not written (%s; details in %s). The server starts "
                    + "without it, more slowly.%n", ended ? "exit code " + training.exitValue() : "the training "
                    + "did not end within " + TRAINING_TIMEOUT_MINUTES + " minutes", log);
            return false;
        }
        Files.move(partial, cache.file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        // the ce script prefers this JDK when none is named: serve starts fastest with the JDK its cache is for
        Files.writeString(cache.jar().resolveSibling(JDK_RECORD), System.getProperty("java.home") + "\n");
        report.printf("Start-up cache %s written in %.1f s.%n", cache.file().getFileName(),
                (System.nanoTime() - started) / 1e9);
        return true;
    }

    /** Caches of earlier builds: every JVM refuses them, and each takes tens of megabytes. */
    private static void deleteStaleCaches(Path jar) throws IOException {
        try (DirectoryStream<Path> caches = Files.newDirectoryStream(jar.getParent(), "pce-serve-*.{aot,jsa}")) {
            for (Path file : caches) {
                if (!StartupCache.writtenAfter(file, jar)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
