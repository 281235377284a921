package dev.pce.server.it;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./ce bench --startup-reference} as a user runs it, at the smallest size: the repository's script, this
 * build's servers and the reference Node.js server (installed with npm on first use), each started and answering
 * {@code initialize}, in one series. What it reports is checked, never how fast anything was.
 */
class StartupBenchIT {
    private static final Path ROOT = Path.of(System.getProperty("pce.root", "..")).toAbsolutePath().normalize();

    @Test
    void startupIsTimedSideBySideWithTheReferenceServer() throws Exception {
        Process bench = new ProcessBuilder(ROOT.resolve("ce").toString(), "bench", "--startup-only",
                "--startup-reference", "--startup-runs", "2").redirectErrorStream(true).start();
        bench.getOutputStream().close();
        String report = new String(bench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bench.waitFor(10, TimeUnit.MINUTES)).isTrue();

        assertThat(bench.exitValue()).as(report).isZero();
        assertThat(report).as("the script built nothing (run after the build)").doesNotContain("building the PCE jar")
                .containsPattern("\\| spawn -> initialize answer, java -jar \\(ms\\) \\| 2 \\|")
                .containsPattern("\\| spawn -> initialize answer, \\./ce serve \\(ms\\) \\| 2 \\|")
                .containsPattern("\\| spawn -> initialize answer, reference @modelcontextprotocol/server-memory@"
                        + "2026\\.8\\.31 \\(Node\\.js v\\d+[.\\d]*\\) \\(ms\\) \\| 2 \\|")
                .containsPattern("Start-up of \\./ce serve against reference \\S+ \\(Node\\.js v[.\\d]+\\), run by "
                        + "run: median ratio \\*\\*\\d+\\.\\d{3}\\*\\* \\(min \\d+\\.\\d{3}, max \\d+\\.\\d{3}, 2 pairs\\)")
                .doesNotContain("ce_status round trip");
    }
}
