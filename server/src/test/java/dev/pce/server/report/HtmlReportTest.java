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
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

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

    @Test
    void workflowsPlannedButNotStartedAreNotChartedAndTheNoteSaysSo() throws Exception {
        String page = HtmlReport.render(SampleLogs.withNotStarted(2), "/ws", List.of());
        Document document = parse(page);

        Element makespan = trendCharts(document).getFirst();
        List<Element> points = elements(makespan, "circle");
        assertThat(points).extracting(point -> point.getAttribute("data-workflow"))
                .containsExactly("wf-past-0", "wf-past-1", "wf-past-2", "wf-past-3", "wf-past-4", "wf-now");
        double floor = elements(makespan, "line").stream()
                .mapToDouble(line -> Double.parseDouble(line.getAttribute("y1"))).max().orElseThrow();
        assertThat(points).as("every charted build took 10 s or more: no point on the 0 line")
                .allSatisfy(point -> assertThat(Double.parseDouble(point.getAttribute("cy"))).isLessThan(floor));
        assertThat(points.getLast().getTextContent()).as("numbered as in the table, where the idle ones are 4 and 5")
                .startsWith("#8 wf-now");
        assertThat(document.getDocumentElement().getTextContent())
                .contains("2 workflows planned but not started are not charted");
        assertThat(trendRow(document, "wf-idle-0")).contains("not started").doesNotContain("0 ms");
        Element idle = elements(document.getDocumentElement(), "section").stream()
                .filter(section -> section.getAttribute("id").equals("wf-idle-0")).findFirst().orElseThrow();
        assertThat(idle.getElementsByTagNameNS(SVG, "svg").getLength()).as("no empty timeline or bars").isZero();
        assertThat(idle.getTextContent().split("No data yet: no task has been claimed yet", -1))
                .as("the timeline and the utilization say why they are empty").hasSize(3);
        assertThat(parse(HtmlReport.render(SampleLogs.withNotStarted(1), "/ws", List.of()))
                .getDocumentElement().getTextContent())
                .contains("1 workflow planned but not started is not charted");
        assertThat(html).as("nothing to say when every workflow started").doesNotContain("not charted");
    }

    @Test
    void aFigureNoWorkflowHasYetShowsNoDataInsteadOfEmptyAxes() throws Exception {
        Document idle = parse(HtmlReport.render(SampleLogs.notStarted(3), "/ws", List.of()));
        assertThat(trendCharts(idle)).isEmpty();
        assertThat(noData(idle)).containsExactly(
                "Makespan No data yet: no workflow has started (claimed a task) yet.",
                "Speedup No data yet: no workflow has run a task yet.",
                "Gate pass rate No data yet: no gate has been evaluated yet.",
                "Failure rate No data yet: no attempt has ended yet.");

        Document withoutGates = parse(HtmlReport.render(SampleLogs.withoutGates(), "/ws", List.of()));
        assertThat(trendCharts(withoutGates)).extracting(chart -> chart.getAttribute("aria-label"))
                .containsExactly("Makespan by workflow", "Speedup by workflow", "Failure rate by workflow");
        assertThat(noData(withoutGates)).containsExactly("Gate pass rate No data yet: no gate has been evaluated yet.");
        assertThat(noData(parse(html))).isEmpty();
    }

    @Test
    void onAPhoneTablesScrollInTheirOwnBoxAndChartsScale() throws Exception {
        Document page = parse(html);
        List<Element> tables = elements(page.getDocumentElement(), "table");
        assertThat(tables).extracting(table -> table.getAttribute("class")).containsOnly("trend", "flags", "pools",
                "gates").contains("trend", "flags", "pools", "gates");
        assertThat(tables).allSatisfy(table -> {
            Element parent = (Element) table.getParentNode();
            assertThat(parent.getLocalName() + "." + parent.getAttribute("class")).isEqualTo("div.scroll");
        });
        String style = page.getElementsByTagNameNS(XHTML, "style").item(0).getTextContent();
        assertThat(style).contains(".scroll{overflow-x:auto;max-width:100%}", "svg{display:block;margin:6px 0;"
                + "max-width:100%;height:auto}", "@media (max-width:640px)",
                ".figures{grid-template-columns:repeat(2,minmax(0,1fr))}", ".trends{grid-template-columns:minmax(0,1fr)}");
        assertThat(elements(page, SVG, "svg")).isNotEmpty()
                .allSatisfy(svg -> assertThat(svg.getAttribute("viewBox")).as("scales to its box").startsWith("0 0 "));
    }

    private static List<Element> trendCharts(Document page) {
        return elements(page, SVG, "svg").stream().filter(svg -> svg.getAttribute("class").equals("trend")).toList();
    }

    private static List<String> noData(Document page) {
        return elements(page.getDocumentElement(), "div").stream()
                .filter(div -> div.getAttribute("class").equals("no-data"))
                .map(div -> elements(div, "b").getFirst().getTextContent() + " "
                        + elements(div, "p").getFirst().getTextContent()).toList();
    }

    private static String trendRow(Document page, String workflowId) {
        return elements(page.getDocumentElement(), "tr").stream().map(Element::getTextContent)
                .filter(text -> text.contains(workflowId)).findFirst().orElseThrow();
    }

    /** The descendants of {@code parent} named {@code name}, in its namespace (XHTML or SVG). */
    private static List<Element> elements(Element parent, String name) {
        return list(parent.getElementsByTagNameNS(parent.getNamespaceURI(), name));
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
        return list(page.getElementsByTagNameNS(namespace, name));
    }

    private static List<Element> list(NodeList nodes) {
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
