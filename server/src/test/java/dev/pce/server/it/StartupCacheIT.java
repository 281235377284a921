package dev.pce.server.it;

import dev.pce.server.client.McpStdioClient;
import dev.pce.server.client.ServerLauncher;
import dev.pce.server.client.StartupCache;
import dev.pce.server.client.StartupCacheWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's start-up cache is written by the build, and a server start only reads it: Claude Code gives a stdio
 * server little time to connect, so its first start must not be the one that spends seconds writing a cache. The
 * starts go through the {@code ce} script, as Claude Code runs it; whether a start used the cache is read from the
 * JVM's class-load log (a class from the cache is loaded from the "shared objects file").
 */
class StartupCacheIT {
    private static final Path ROOT = Path.of(System.getProperty("pce.root", "..")).toAbsolutePath().normalize();
    private static final String TRAINING_MESSAGE = "preparing the server's start-up cache";
    /** A class of the server's start path, loaded before the first answer. */
    private static final String START_CLASS = "dev.pce.server.cli.McpSession";

    @TempDir
    Path temp;

    /** What one start did: its stderr and the classes its JVM loaded, with where from. */
    private record Start(String stderr, List<String> classLoads) {
        boolean loadedFromCache(String className) {
            return classLoads.stream().anyMatch(line -> line.contains(" " + className + " source: shared objects file"));
        }

        boolean loaded(String className) {
            return classLoads.stream().anyMatch(line -> line.contains(" " + className + " source: "));
        }
    }

    @Test
    void theFirstServeAfterTheBuildAnswersFromTheBuildsCacheAndWritesNone() throws Exception {
        Path jar = ROOT.resolve("server/target/pce.jar");
        StartupCache cache = StartupCache.forRunningJdk(jar);
        assertThat(cache.isFresh()).as("the build wrote %s after the jar", cache.file()).isTrue();
        List<String> before = listing(jar.getParent());
        FileTime written = Files.getLastModifiedTime(cache.file());

        Start first = serveThroughScript(ROOT.resolve("ce"), env -> { }, "first");
        Start second = serveThroughScript(ROOT.resolve("ce"), env -> { }, "second");

        for (Start start : List.of(first, second)) {
            assertThat(start.stderr()).as("the script built nothing (run after the build)")
                    .doesNotContain("building the PCE jar").doesNotContain(TRAINING_MESSAGE);
            assertThat(start.loadedFromCache(START_CLASS)).as("the server's classes came from the cache").isTrue();
        }
        assertThat(Files.getLastModifiedTime(cache.file())).as("the cache is untouched").isEqualTo(written);
        assertThat(listing(jar.getParent())).as("no file written beside the jar").isEqualTo(before);
        assertThat(Files.readString(jar.resolveSibling("pce-serve.jdk")).strip())
                .as("the JDK that wrote the cache, which the script prefers").isEqualTo(System.getProperty("java.home"));
    }

    @Test
    void serveWithoutACacheForItsJdkStartsWithoutWritingOne() throws Exception {
        Path root = copyOfTheBuild();
        List<String> before = listing(root.resolve("server/target"));

        Start start = serveThroughScript(root.resolve("ce"), env -> { }, "no-cache");

        assertThat(start.stderr()).doesNotContain(TRAINING_MESSAGE);
        assertThat(start.loaded(START_CLASS)).isTrue();
        assertThat(start.loadedFromCache(START_CLASS)).as("no cache, so nothing from one").isFalse();
        assertThat(listing(root.resolve("server/target"))).as("no cache written").isEqualTo(before);
    }

    /** A JDK chosen after the build (here: a checkout whose build left no cache) gets its cache from another command. */
    @Test
    void anotherCommandWritesTheMissingCacheOnceAndServeThenUsesIt() throws Exception {
        Path root = copyOfTheBuild();
        StartupCache cache = StartupCache.forRunningJdk(root.resolve("server/target/pce.jar"));

        CeProcess.Run version = script(root, "--version");

        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.err()).contains(TRAINING_MESSAGE);
        assertThat(cache.isFresh()).as("written for this JDK").isTrue();
        Start serve = serveThroughScript(root.resolve("ce"), env -> { }, "healed");
        assertThat(serve.stderr()).doesNotContain(TRAINING_MESSAGE);
        assertThat(serve.loadedFromCache(START_CLASS)).isTrue();

        // an attempt that left no cache (its log is there) is not repeated by every command
        Files.delete(cache.file());
        assertThat(script(root, "--version").err()).doesNotContain(TRAINING_MESSAGE);
        assertThat(cache.file()).doesNotExist();
    }

    @Test
    void testsDemoAndBenchStartServersWithTheBuildsCacheAsTheScriptDoes() throws Exception {
        Path jar = ServerLauncher.jar();
        StartupCache cache = StartupCache.forRunningJdk(jar);
        assertThat(ServerLauncher.serverJvmOptions(jar)).containsAll(cache.useOptions()).isNotEmpty();
        Path log = temp.resolve("launcher-classes.log");
        ProcessBuilder builder = ServerLauncher.serve(temp.resolve("ws"), List.of("-Xlog:class+load=info:file=" + log))
                .redirectError(temp.resolve("launcher.stderr").toFile());
        try (McpStdioClient client = McpStdioClient.start(builder, Duration.ofSeconds(60))) {
            client.initialize("pce-startup-cache-it");
        }
        assertThat(new Start("", Files.readAllLines(log)).loadedFromCache(START_CLASS)).isTrue();
    }

    /**
     * No JDK 21 to 24 is needed to check their path: a JDK home that says it is version 24 (its release file),
     * whose programs are this JDK's, stands for one; the build's writer, asked for that version's cache, writes the
     * class-data archive that such a JDK would, and this JDK reads it as well. Recorded as the JDK that wrote the
     * cache, the script takes it when neither CE_JAVA_HOME nor JAVA_HOME names one.
     */
    @Test
    void onJdk21To24TheBuildWritesAClassDataArchiveThatServeUsesWithTheJdkThatWroteIt() throws Exception {
        Path root = copyOfTheBuild();
        Path jar = root.resolve("server/target/pce.jar");
        Path jdk24 = jdkHomeSaying("24.0.2");
        StartupCache archive = new StartupCache(jar, jar.resolveSibling("pce-serve-24.0.2.jsa"),
                StartupCache.Kind.CDS_ARCHIVE);
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        assertThat(StartupCacheWriter.write(archive, new PrintStream(report, true, StandardCharsets.UTF_8)))
                .as(report.toString(StandardCharsets.UTF_8)).isTrue();
        FileTime written = Files.getLastModifiedTime(archive.file());
        Files.writeString(jar.resolveSibling("pce-serve.jdk"), jdk24 + "\n");

        Start start = serveThroughScript(root.resolve("ce"), env -> {
            env.remove("CE_JAVA_HOME");
            env.remove("JAVA_HOME");
        }, "jdk24");

        assertThat(start.stderr()).doesNotContain(TRAINING_MESSAGE);
        assertThat(start.loadedFromCache(START_CLASS)).as("the server's classes came from the archive").isTrue();
        assertThat(Files.getLastModifiedTime(archive.file())).isEqualTo(written);
    }

    /**
     * The other commands share one class-data archive, which holds the modules of the JVM that made it. The
     * benchmarks that add the vector module must not use it: a JVM with other modules than the archive's prints
     * three errors about it on every run.
     */
    @Test
    void benchmarksThatAddAModulePrintNoArchiveErrorsAndTheOtherCommandsKeepTheirArchive() throws Exception {
        Path root = copyOfTheBuild();
        Path archive = root.resolve("server/target/pce-cli.jsa");

        List<CeProcess.Run> runs = List.of(script(root, "--version"), script(root, "bench", "schedule", "--help"),
                script(root, "bench", "index", "--help"), script(root, "--version"));

        assertThat(runs).allSatisfy(run -> {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err().lines()).as("archive errors").noneMatch(line -> line.contains("[cds]")
                    || line.contains("[aot]") || line.contains("shared archive") || line.contains("[error]"));
        });
        assertThat(runs.get(1).out()).contains("Usage: ce bench schedule");
        assertThat(archive).as("the other commands still map their classes from it").isNotEmptyFile();
    }

    /** Runs the script of {@code root} with {@code arguments} and stdin closed. */
    private CeProcess.Run script(Path root, String... arguments) throws IOException, InterruptedException {
        return CeProcess.script(root, temp.resolve("ws-script"), arguments);
    }

    /** Starts {@code ce serve}, waits for the answer to initialize, ends the session. */
    private Start serveThroughScript(Path script, Consumer<Map<String, String>> environment, String name)
            throws Exception {
        Path log = temp.resolve(name + "-classes.log");
        Path stderr = temp.resolve(name + ".stderr");
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "serve").redirectError(stderr.toFile());
        builder.environment().put("CE_WORKSPACE", temp.resolve("ws-" + name).toString());
        builder.environment().put("CE_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
        environment.accept(builder.environment());
        try (McpStdioClient client = McpStdioClient.start(builder, Duration.ofSeconds(60))) {
            assertThat(client.initialize("pce-startup-cache-it").path("serverInfo").path("name").asText())
                    .isNotEmpty();
            assertThat(client.protocolViolations()).as("stdout lines that are not JSON-RPC").isEmpty();
        }
        return new Start(Files.readString(stderr), Files.readAllLines(log));
    }

    /**
     * The repository's script and jars in a folder of their own, without a start-up cache: what a JDK other than
     * the build's finds. Without sources there, the script sees nothing newer than the jar and does not build.
     */
    private Path copyOfTheBuild() throws IOException {
        Path root = Files.createDirectories(temp.resolve("checkout"));
        Path target = Files.createDirectories(root.resolve("server/target/lib"));
        Files.copy(ROOT.resolve("ce"), root.resolve("ce"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(ROOT.resolve("server/target/pce.jar"), target.resolveSibling("pce.jar"));
        Files.createSymbolicLink(target.resolve("pce-on-demand.jar"),
                ROOT.resolve("server/target/lib/pce-on-demand.jar"));
        return root;
    }

    /** A JDK home whose release file names {@code version} and whose programs are this JDK's. */
    private Path jdkHomeSaying(String version) throws IOException {
        Path home = Files.createDirectories(temp.resolve("jdk-" + version));
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path real = Path.of(System.getProperty("java.home"));
        for (String program : List.of("java", "javac")) {
            Files.createSymbolicLink(bin.resolve(program), real.resolve("bin").resolve(program));
        }
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    private static List<String> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
