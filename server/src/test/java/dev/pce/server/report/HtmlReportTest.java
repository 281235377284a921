package dev.pce.server.report;

import dev.pce.engine.metrics.MetricsReport;
import dev.pce.engine.service.WorkflowListing.UnreadableWorkflow;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {
    private static final String SVG = "http://www.w3.org/2000/svg";

    private final MetricsReport report = SampleLogs.report();
    private final String html = HtmlReport.render(report, "/work/<ws>", List.of(
            new UnreadableWorkflow("wf-broken", "line 3 is not JSON: <oops>")));

    @Test
    void stringsFromTheLogsAreEscapedNeverMarkup() throws Exception {
        assertThat(html.toLowerCase()).doesNotContain("<script", "<b>it</b>", "<oops>", "<ws>");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;",
                "Ship &lt;b&gt;it&lt;/b&gt;", "&lt;oops&gt;");
        Document page = parse(html);
        String titles = page.getDocumentElement().getTextContent();
        assertThat(titles).contains("design: <script>alert('x')</script> & \"quotes\" \uFFFDbell");
    }

    @Test
    void theTimelineHasABarPerAttemptColouredByOutcome() throws Exception {
        Document page = parse(html);
        List<Element> bars = elements(page, SVG, "rect").stream()
                .filter(rect -> rect.getAttribute("class").startsWith("attempt ")).toList();
        // every workflow is reported: the five past builds, and the four attempts of wf-now
        List<String> nowBars = bars.stream().filter(rect -> ancestorSection(rect).equals("wf-now"))
                .map(rect -> rect.getAttribute("data-task") + "#" + rect.getAttribute("data-attempt") + " "
                        + rect.getAttribute("class")).toList();
        assertThat(nowBars).containsExactlyInAnyOrder("design#1 attempt completed", "build-a#1 attempt failed flagged",
                "build-a#2 attempt completed flagged", "build-b#1 attempt completed");
        assertThat(bars).hasSize(9);
        Element retry = bars.stream().filter(rect -> rect.getAttribute("data-task").equals("build-a")
                && rect.getAttribute("data-attempt").equals("2")).findFirst().orElseThrow();
        assertThat(retry.getTextContent()).contains("attempt 2 by b1 (builders): completed", "took 1m 00s",
                "waited 5.0 s");
    }

    @Test
    void thePageHoldsTrendsFlagsPoolsAndGates() throws Exception {
        Document page = parse(html);
        List<Element> trendCharts = elements(page, SVG, "svg").stream()
                .filter(svg -> svg.getAttribute("class").equals("trend")).toList();
        assertThat(trendCharts).hasSize(4);
        assertThat(trendCharts).allSatisfy(chart -> assertThat(chart.getElementsByTagNameNS(SVG, "circle")
                .getLength()).isGreaterThanOrEqualTo(1));
        // makespan and failure rate exist for all six workflows; the gate pass rate only for the one with gates
        assertThat(trendCharts.getFirst().getElementsByTagNameNS(SVG, "circle").getLength()).isEqualTo(6);
        assertThat(trendCharts.get(2).getElementsByTagNameNS(SVG, "circle").getLength()).isEqualTo(1);
        assertThat(html).contains("task &#39;build-a&#39; took 60.0 s, above the p95 of 10.0 s of 5 completed "
                + "build/builders attempts elsewhere");
        assertThat(elements(page, SVG, "rect").stream().filter(rect -> rect.getAttribute("class").equals("busy"))
                .map(rect -> rect.getAttribute("data-pool"))).contains("builders", "planners");
        assertThat(page.getDocumentElement().getTextContent()).contains("wave-1", "blocked", "passed",
                "Unreadable workflows", "wf-broken");
    }

    @Test
    void thePageNeedsNothingFromOutside() {
        assertThat(html).doesNotContainPattern("(?i)<(script|link|img|iframe|object|embed)\\b")
                .doesNotContainPattern("(?i)\\b(src|href)\\s*=").doesNotContain("url(", "@import");
        Matcher urls = Pattern.compile("https?://[^\"\\s<]+").matcher(html);
        List<String> found = new ArrayList<>();
        while (urls.find()) {
            found.add(urls.group());
        }
        assertThat(found).as("only namespace names").allMatch(url -> url.equals("http://www.w3.org/1999/xhtml")
                || url.equals(SVG));
    }

    @Test
    void aWorkspaceWithoutWorkflowsStillMakesAPage() throws Exception {
        String empty = HtmlReport.render(SampleLogs.empty(), "/ws", List.of());

        assertThat(parse(empty).getDocumentElement().getTextContent()).contains("No workflows yet");
    }

    private static String ancestorSection(Element element) {
        for (Node node = element; node != null; node = node.getParentNode()) {
            if (node instanceof Element candidate && candidate.getLocalName().equals("section")) {
                return candidate.getAttribute("id");
            }
        }
        return "";
    }

    private static List<Element> elements(Document page, String namespace, String name) {
        NodeList nodes = page.getElementsByTagNameNS(namespace, name);
        List<Element> elements = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** Parses the page as XML: it must be well-formed. */
    static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
    }
}
