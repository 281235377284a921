package dev.pce.server.it;

import dev.pce.server.client.ServerLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a stdio server loads before its first answer stays in the server jar. The start-up training records exactly
 * that path into the JDK's start-up cache, and every class of the cache is loaded when a server starts: one class of
 * the on-demand jar (Drools, Lucene, Jetty, servlets) among them makes every start open that jar of eleven thousand
 * entries. The rules and the vaults are meant to load it later, in the background.
 */
class StartupClassesIT {
    @TempDir
    Path temp;

    @Test
    void theTrainedStartPathLoadsNothingFromTheOnDemandJar() throws Exception {
        Path log = temp.resolve("classes.log");
        ProcessBuilder builder = new ProcessBuilder(ServerLauncher.javaExecutable().toString(), "-Xshare:off",
                "-Xlog:class+load=info:file=" + log, "-jar", ServerLauncher.jar().toString(), "train-startup")
                .redirectErrorStream(true).redirectOutput(temp.resolve("training.out").toFile());
        builder.environment().put("CE_WORKSPACE", temp.resolve("ws").toString());
        Process training = builder.start();
        assertThat(training.waitFor(120, TimeUnit.SECONDS)).as("the training ends").isTrue();
        assertThat(training.exitValue()).as(Files.readString(temp.resolve("training.out"))).isZero();

        List<String> loaded = Files.readAllLines(log);
        assertThat(loaded).as("the class-load log").anyMatch(line -> line.contains("dev.pce.server.cli.McpSession "));
        assertThat(loaded.stream().filter(line -> line.contains("pce-on-demand.jar")).toList())
                .as("classes the start path loads from the on-demand jar").isEmpty();
    }
}
