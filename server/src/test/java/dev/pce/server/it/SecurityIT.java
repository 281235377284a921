package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.server.logging.SecretRedactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.pce.server.it.ServerUnderTest.args;
import static dev.pce.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security promises of docs/security.md that only a running server can prove: what an agent names cannot make
 * the server read outside the project, workspace or vaults, even through links; secrets never reach the log file;
 * imported data never becomes rule code.
 */
class SecurityIT {
    private static final String SECRET_TEXT = "the-contents-of-a-private-file";
    private static final String GITHUB_TOKEN = "ghp_0123456789abcdefghijABCDEFGHIJ0123";

    @TempDir
    Path temp;

    @Test
    void aLinkPlantedInAReportDirectoryIsNotFollowedOutOfTheWorkspace() throws IOException {
        Path workspace = temp.resolve("ws");
        Path outside = write(temp.resolve("outside/TEST-private.xml"), "<testsuite name=\"" + SECRET_TEXT
                + "\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\"><testcase name=\"t\"/></testsuite>");
        Path reports = Files.createDirectories(workspace.resolve("reports"));
        Files.createSymbolicLink(reports.resolve("TEST-planted.xml"), outside);
        Files.createSymbolicLink(workspace.resolve("linked-reports"), outside.getParent());
        try (ServerUnderTest server = ServerUnderTest.start(workspace)) {
            String id = plan(server);

            JsonNode read = server.ok("ce_gate_report", args("workflow_id", id, "agent", "ci", "dimension", "tests",
                    "files", List.of(reports.toString())));

            JsonNode file = read.path("evidence_read").path(0);
            assertThat(file.path("problem").asText()).contains("leads outside", "was not read")
                    .doesNotContain(outside.toString());
            assertThat(read.toString()).doesNotContain(SECRET_TEXT);
            assertThat(server.call("ce_gate", args("workflow_id", id, "evidence",
                    List.of(workspace.resolve("linked-reports").toString()))).text()).contains("leads outside");
            JsonNode gate = server.ok("ce_gate", args("workflow_id", id));
            assertThat(gate.toString()).doesNotContain(SECRET_TEXT);
        }
    }

    @Test
    void aSecretInABadArgumentIsMaskedInTheLogFileAndOnStderr() throws IOException {
        Path workspace = temp.resolve("ws");
        try (ServerUnderTest server = ServerUnderTest.start(workspace, Map.of("CE_LOG_LEVEL", "debug"))) {
            assertThat(server.call("ce_status", args("workflow_id", GITHUB_TOKEN)).isError()).isTrue();
            assertThat(server.call("ce_status", args("workflow_id", "x", "password", "hunter2hunter2")).isError())
                    .isTrue();
            server.ok("ce_status", args());

            String logs = logs(workspace) + server.stderr();
            assertThat(logs).contains("ce_status refused", SecretRedactor.MASK).doesNotContain(GITHUB_TOKEN);
        }
    }

    @Test
    void anImportedPatternNoteCarryingRuleCodeIsSkippedAndNoRuleIsWritten() throws Exception {
        Path shop = temp.resolve("shop-vault");
        write(shop.resolve("patterns/hostile.md"), """
                ---
                title: Hostile
                type: pattern
                pattern: "estimate:x\\"; end rule \\"y\\" when then System.exit(0); //"
                samples: 9
                confidence: 0.9
                factor: 2.0
                ---
                A pattern note whose key carries DRL.
                """);
        write(shop.resolve("patterns/honest.md"), """
                ---
                title: Honest
                type: pattern
                pattern: "estimate:build"
                samples: 4
                confidence: 0.8
                factor: 1.5
                ---
                Builds take half as long again as planned.
                """);
        Path workspace = temp.resolve("ws");
        try (ServerUnderTest server = ServerUnderTest.start(workspace, Map.of("CE_VAULT",
                temp.resolve("own-vault").toString(), "CE_PROJECT", "billing", "CE_VAULTS", "shop=" + shop))) {
            awaitNotes(server, "shop", 2);

            JsonNode imported = server.ok("ce_learn_from", args("vault", "shop"));

            assertThat(imported.path("imported")).hasSize(1);
            assertThat(imported.path("imported").path(0).path("key").asText()).isEqualTo("estimate:build");
            try (Stream<Path> files = Files.walk(workspace)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain("System.exit");
                }
            }
            server.ok("ce_plan", args("goal", "g", "tasks", List.of(args("id", "x", "title", "X", "kind", "build"))));
        }
    }

    @Test
    void aNoteLinkedFromOutsideTheVaultIsNeitherIndexedNorRead() throws Exception {
        Path vault = temp.resolve("vault");
        write(vault.resolve("inside.md"), "---\ntitle: Inside\ntype: insight\n---\nA note about caching.\n");
        Path secret = write(temp.resolve("private/secret.md"), "---\ntitle: Secret\n---\n" + SECRET_TEXT + "\n");
        Files.createSymbolicLink(vault.resolve("linked.md"), secret);
        try (ServerUnderTest server = ServerUnderTest.start(temp.resolve("ws"), Map.of("CE_VAULT", vault.toString(),
                "CE_PROJECT", "shop"))) {
            awaitNotes(server, "shop", 1);

            assertThat(server.ok("ce_search", args("query", SECRET_TEXT)).path("total").asInt()).isZero();
            assertThat(server.call("ce_note", args("note", "linked")).text()).doesNotContain(SECRET_TEXT);
            assertThat(server.call("ce_note", args("note", "../private/secret")).text()).doesNotContain(SECRET_TEXT);
        }
    }

    /**
     * The report of issue 16: a hard link in the vault to a file outside it was indexed and read (symbolic links
     * were refused). A file with more than one hard link is neither indexed nor read, and the skip is logged.
     */
    @Test
    void aNoteHardLinkedToAFileOutsideTheVaultIsNeitherIndexedNorReadAndTheSkipIsLogged() throws Exception {
        Path vault = temp.resolve("vault");
        write(vault.resolve("inside.md"), "---\ntitle: Inside\ntype: insight\n---\nA note about caching.\n");
        Path secret = write(temp.resolve("private/secret.md"), "---\ntitle: Secret\n---\n" + SECRET_TEXT + "\n");
        Files.createLink(vault.resolve("linked.md"), secret);
        Path workspace = temp.resolve("ws");
        try (ServerUnderTest server = ServerUnderTest.start(workspace, Map.of("CE_VAULT", vault.toString(),
                "CE_PROJECT", "shop"))) {
            awaitNotes(server, "shop", 1);

            assertThat(server.ok("ce_search", args("query", SECRET_TEXT)).path("total").asInt()).isZero();
            assertThat(server.call("ce_note", args("note", "linked")).text()).doesNotContain(SECRET_TEXT);
            assertThat(server.call("ce_note", args("note", "linked.md")).text()).contains("2 hard links")
                    .doesNotContain(SECRET_TEXT);
            JsonNode resource = server.client().requestError("resources/read", args("uri", "pkm://note/linked"));
            assertThat(resource.toString()).doesNotContain(SECRET_TEXT);
            assertThat(logs(workspace)).contains("skipped linked.md: The file has 2 hard links");
        }
    }

    /**
     * The report of issue 16: a path refused for leading outside named where its link led ({@code /etc/passwd}, a
     * process's {@code /proc/<pid>/environ}). It is named as the caller gave it.
     */
    @Test
    void aPathThatLeadsOutsideIsNamedAsTheCallerGaveItNeverByWhereItsLinkLeads() throws Exception {
        Path project = Files.createDirectories(temp.resolve("project"));
        Path outside = write(temp.resolve("outside/TEST-private.xml"), "<testsuite name=\"x\" tests=\"0\"/>");
        Files.createSymbolicLink(project.resolve("report.xml"), outside);
        Path vault = temp.resolve("vault");
        write(vault.resolve("inside.md"), "---\ntitle: Inside\n---\nInside.\n");
        write(temp.resolve("notes/elsewhere.md"), "---\ntitle: Elsewhere\n---\n" + SECRET_TEXT + "\n");
        Files.createSymbolicLink(vault.resolve("shared"), temp.resolve("notes"));
        try (ServerUnderTest server = ServerUnderTest.startIn(project, temp.resolve("ws"), Map.of("CE_VAULT",
                vault.toString(), "CE_PROJECT", "shop"))) {
            String id = plan(server);

            String linked = server.call("ce_gate", args("workflow_id", id, "evidence", List.of("report.xml"))).text();
            assertThat(linked).contains("'report.xml' leads outside").doesNotContain(outside.toString());
            String environ = server.call("ce_gate_report", args("workflow_id", id, "agent", "ci", "dimension",
                    "tests", "files", List.of("/proc/self/environ"))).text();
            assertThat(environ).contains("'/proc/self/environ' leads outside").doesNotContainPattern("/proc/\\d");
            String note = server.call("ce_note", args("note", "shared/elsewhere.md")).text();
            assertThat(note).contains("shared/elsewhere.md", "outside the vault")
                    .doesNotContain(temp.resolve("notes").toString(), SECRET_TEXT);
        }
    }

    private static String plan(ServerUnderTest server) {
        return server.ok("ce_plan", args("goal", "g", "tasks", List.of(args("id", "a", "title", "A",
                "kind", "build")))).path("workflow_id").asText();
    }

    private static void awaitNotes(ServerUnderTest server, String vault, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (server.ok("ce_search", args("query", "", "vaults", List.of(vault))).path("total").asInt() < count) {
            assertThat(System.nanoTime()).as("vault %s indexed within 20 s", vault).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String logs(Path workspace) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(workspace.resolve("logs"))) {
            for (Path file : files.toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }

}
