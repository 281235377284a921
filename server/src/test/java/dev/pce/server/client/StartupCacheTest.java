package dev.pce.server.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Which cache a JDK gets, its name, and when a server start uses it. */
class StartupCacheTest {
    @TempDir
    Path temp;

    @Test
    void jdk25AndNewerGetAnAotCacheOlderOnesAClassDataArchiveEachNamedAfterTheExactVersion() {
        Path jar = temp.resolve("pce.jar");
        assertThat(StartupCache.Kind.forFeatureVersion(25)).isEqualTo(StartupCache.Kind.AOT_CACHE);
        assertThat(StartupCache.Kind.forFeatureVersion(26)).isEqualTo(StartupCache.Kind.AOT_CACHE);
        assertThat(StartupCache.Kind.forFeatureVersion(21)).isEqualTo(StartupCache.Kind.CDS_ARCHIVE);
        assertThat(StartupCache.Kind.forFeatureVersion(24)).isEqualTo(StartupCache.Kind.CDS_ARCHIVE);
        assertThat(StartupCache.of(jar, "25.0.3", StartupCache.Kind.AOT_CACHE).file())
                .isEqualTo(temp.resolve("pce-serve-25.0.3.aot"));
        assertThat(StartupCache.of(jar, "21.0.5", StartupCache.Kind.CDS_ARCHIVE).file())
                .isEqualTo(temp.resolve("pce-serve-21.0.5.jsa"));
        assertThat(StartupCache.forRunningJdk(jar).file().getFileName().toString())
                .isEqualTo("pce-serve-" + System.getProperty("java.version")
                        + (Runtime.version().feature() >= 25 ? ".aot" : ".jsa"));
    }

    @Test
    void aServerStartsWithTheCacheOnlyWhenItWasWrittenAfterTheJar() throws Exception {
        Path jar = Files.writeString(temp.resolve("pce.jar"), "jar");
        StartupCache aot = StartupCache.of(jar, "25.0.3", StartupCache.Kind.AOT_CACHE);
        StartupCache cds = StartupCache.of(jar, "21.0.5", StartupCache.Kind.CDS_ARCHIVE);
        assertThat(aot.useOptions()).as("missing").isEmpty();

        Instant built = Instant.parse("2026-12-07T10:00:00Z");
        Files.setLastModifiedTime(jar, FileTime.from(built));
        for (StartupCache cache : new StartupCache[] {aot, cds}) {
            Files.writeString(cache.file(), "cache");
            Files.setLastModifiedTime(cache.file(), FileTime.from(built.minusSeconds(1)));
            assertThat(cache.isFresh()).as("older than the jar").isFalse();
            assertThat(cache.useOptions()).isEmpty();
            Files.setLastModifiedTime(cache.file(), FileTime.from(built.plusSeconds(3)));
            assertThat(cache.isFresh()).isTrue();
        }
        assertThat(aot.useOptions()).containsExactly("-XX:AOTCache=" + aot.file());
        assertThat(cds.useOptions()).containsExactly("-XX:SharedArchiveFile=" + cds.file());
        assertThat(aot.recordOptions(temp.resolve("x"))).contains("-XX:-AOTRecordTraining")
                .endsWith("-XX:AOTCacheOutput=" + temp.resolve("x"));
        assertThat(cds.recordOptions(temp.resolve("x")))
                .containsExactly("-XX:ArchiveClassesAtExit=" + temp.resolve("x"));
    }
}
