package dev.pce.engine.evidence;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.pce.engine.evidence.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * XML evidence comes from CI jobs that run the change's own code, so it is untrusted: no entity from a DTD is
 * expanded, nothing is fetched, and a file trying either is refused.
 */
class EvidenceXmlSecurityTest {
    private static final EvidenceReader READER = EvidenceReader.ofAllFormats();
    private static final JacocoXmlFormat JACOCO_XML = new JacocoXmlFormat();
    private static final CoberturaXmlFormat COBERTURA_XML = new CoberturaXmlFormat();

    private static final String SECRET = "PCE-XXE-CANARY-7f3a";

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private String base;

    @BeforeEach
    void startATrapServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = ("<!ENTITY leak \"" + SECRET + "\">").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopTheServer() {
        server.stop(0);
    }

    @Test
    void anExternalFileEntityIsNotExpanded(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE testsuite [ <!ENTITY xxe SYSTEM "%s"> ]>
                <testsuite name="s"><testcase name="&xxe;" classname="C"><failure message="&xxe;"/></testcase></testsuite>
                """.formatted(secret.toUri());

        ParsedFile parsed = READER.parse("TEST-xxe.xml", utf8(xml));

        assertThat(parsed).isInstanceOf(UnreadableFile.class);
        assertThat(parsed.toString()).doesNotContain(SECRET).contains("internal subset");
    }

    @Test
    void networkEntitiesAreNeitherFetchedNorExpanded() {
        String general = """
                <!DOCTYPE testsuite [ <!ENTITY xxe SYSTEM "%s/general"> ]>
                <testsuite name="&xxe;"><testcase name="a"/></testsuite>""".formatted(base);
        String parameter = """
                <!DOCTYPE testsuite [ <!ENTITY %% remote SYSTEM "%s/parameter"> %%remote; ]>
                <testsuite name="&leak;"><testcase name="a"/></testsuite>""".formatted(base);

        for (String xml : new String[] {general, parameter}) {
            ParsedFile parsed = READER.parse("TEST-xxe.xml", utf8(xml));
            assertThat(parsed).isInstanceOf(UnreadableFile.class);
            assertThat(parsed.toString()).doesNotContain(SECRET);
        }
        assertThat(requests).hasValue(0);
    }

    @Test
    void anExternalDtdIsSkippedUnfetchedSoReportsWithDoctypeAreRead() throws Exception {
        String jacoco = "<?xml version=\"1.0\"?><!DOCTYPE report PUBLIC \"-//JACOCO//DTD Report 1.1//EN\" \""
                + base + "/report.dtd\"><report name=\"r\"><counter type=\"LINE\" missed=\"1\" covered=\"1\"/></report>";
        String cobertura = "<?xml version=\"1.0\"?>\n<!DOCTYPE coverage SYSTEM \"" + base + "/coverage-04.dtd\">\n"
                + "<coverage line-rate=\"0.5\" branch-rate=\"0\"/>";

        assertThat(JACOCO_XML.parse("jacoco.xml", utf8(jacoco)).lines().percent()).isEqualTo(50.0);
        assertThat(COBERTURA_XML.parse("coverage.xml", utf8(cobertura)).lines().percent()).isEqualTo(50.0);
        // The samples' DOCTYPEs (a relative report.dtd and cobertura.sourceforge.net) are read the same way.
        assertThat(READER.readFile(Samples.path(Samples.JACOCO))).isInstanceOf(CoverageResults.class);
        assertThat(READER.readFile(Samples.path(Samples.COBERTURA))).isInstanceOf(CoverageResults.class);
        assertThat(requests).hasValue(0);
    }

    @Test
    void aBillionLaughsDocumentIsRefusedQuickly() {
        StringBuilder dtd = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            String previous = "&lol" + (i - 1) + ";";
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(previous.repeat(10)).append("\">");
        }
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE testsuite [" + dtd + "]>"
                + "<testsuite name=\"&lol9;\"><testcase name=\"&lol9;\"/></testsuite>";

        ParsedFile parsed = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> READER.parse("TEST-lol.xml", utf8(xml)));

        assertThat(parsed).isInstanceOf(UnreadableFile.class);
        assertThat(((UnreadableFile) parsed).problem().message())
                .contains("DOCTYPE", "declares its own DTD entities").hasSizeLessThan(1_000);
    }

    @Test
    void anUndeclaredEntityIsMalformedNotExpanded() {
        String xml = "<testsuite name=\"s\"><testcase name=\"&unknown;\"/></testsuite>";
        assertThat(READER.parse("TEST-e.xml", utf8(xml))).isInstanceOfSatisfying(UnreadableFile.class,
                unreadable -> assertThat(unreadable.problem().message())
                        .contains("not well-formed XML", "\"unknown\" was referenced, but not declared"));
    }
}
