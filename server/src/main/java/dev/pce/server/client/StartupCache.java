package dev.pce.server.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's start-up cache for one JDK, beside the jar: with JDK 25 and newer an ahead-of-time cache (the classes
 * of the start path loaded and linked, plus method profiles), with JDK 21 to 24 a class-data-sharing archive of
 * those classes. The build writes it ({@link StartupCacheWriter}); nothing writes it when a server starts, so a
 * missing or stale cache means a start without one. A JVM refuses a cache made by another JDK, so the file is named
 * after the exact Java version, e.g. {@code pce-serve-25.0.3.aot}; the {@code ce} script names it the same way.
 */
public record StartupCache(Path jar, Path file, Kind kind) {

    /**
     * How a JDK caches a start: the file's extension, the flag that writes it (with what else the recording JVM
     * needs), the flag that uses it.
     */
    public enum Kind {
        /**
         * Without method profiles (AOTRecordTraining off): C1, the only compiler the server runs, has no use for
         * them, and a start replays them by compiling the methods they name, 30 ms of a core before the first answer
         * (docs/performance.md). The diagnostic flag is unlocked for this, and ignored by a JDK that drops it.
         */
        AOT_CACHE("aot", "-XX:AOTCacheOutput=", List.of("-XX:+UnlockDiagnosticVMOptions",
                "-XX:+IgnoreUnrecognizedVMOptions", "-XX:-AOTRecordTraining"), "-XX:AOTCache="),
        CDS_ARCHIVE("jsa", "-XX:ArchiveClassesAtExit=", List.of(), "-XX:SharedArchiveFile=");

        private final String extension;
        private final String recordFlag;
        private final List<String> recordOptions;
        private final String useFlag;

        Kind(String extension, String recordFlag, List<String> recordOptions, String useFlag) {
            this.extension = extension;
            this.recordFlag = recordFlag;
            this.recordOptions = recordOptions;
            this.useFlag = useFlag;
        }

        /** The AOT cache exists from JDK 25 on (JEP 514/515); before, a dynamic CDS archive is the best there is. */
        static Kind forFeatureVersion(int feature) {
            return feature >= 25 ? AOT_CACHE : CDS_ARCHIVE;
        }
    }

    /** The cache of {@code jar} for the JDK running this process. */
    public static StartupCache forRunningJdk(Path jar) {
        return of(jar, System.getProperty("java.version"), Kind.forFeatureVersion(Runtime.version().feature()));
    }

    static StartupCache of(Path jar, String javaVersion, Kind kind) {
        return new StartupCache(jar, jar.resolveSibling("pce-serve-" + javaVersion + "." + kind.extension), kind);
    }

    /** True when the cache exists and was written after the jar: a cache of an earlier jar would be refused. */
    public boolean isFresh() {
        return writtenAfter(file, jar);
    }

    static boolean writtenAfter(Path file, Path jar) {
        try {
            return Files.isRegularFile(file)
                    && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(jar)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The JVM options that start with this cache: none when it is missing or stale. */
    public List<String> useOptions() {
        return isFresh() ? List.of(kind.useFlag + file) : List.of();
    }

    /** The JVM options that make a run write this kind of cache to {@code output} when it ends. */
    List<String> recordOptions(Path output) {
        List<String> options = new ArrayList<>(kind.recordOptions);
        options.add(kind.recordFlag + output);
        return options;
    }
}
