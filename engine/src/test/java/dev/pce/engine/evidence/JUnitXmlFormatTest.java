package dev.pce.engine.evidence;

import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Finding;
import dev.pce.engine.gate.FindingSeverity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Random;
import java.util.stream.LongStream;

import static dev.pce.engine.evidence.Samples.bytes;
import static dev.pce.engine.evidence.Samples.malformed;
import static dev.pce.engine.evidence.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;

class JUnitXmlFormatTest {
    private static final JUnitXmlFormat JUNIT_XML = new JUnitXmlFormat();

    /** The line is the first frame of the test's class in the trace: where the test failed, not the code it called. */
    @Test
    void surefireReportCountsTheTestCasesAndReportsFailuresAndErrorsAtTheTestsLine() throws Exception {
        TestResults results = JUNIT_XML.parse("target/surefire-reports/TEST-x.xml", bytes(Samples.SUREFIRE));

        assertThat(results.counts()).isEqualTo(new TestCounts(5, 1, 1, 1));
        assertThat(results.counts().passRate()).hasValue(50.0);
        assertThat(results.failures()).containsExactly(
                Finding.at(Dimension.TESTS, "dev.example.billing.InvoiceServiceTest.roundsHalfEven",
                        FindingSeverity.HIGH, "", 58, "expected: <10.02> but was: <10.03>",
                        "target/surefire-reports/TEST-x.xml"),
                Finding.at(Dimension.TESTS, "dev.example.billing.InvoiceServiceTest.rejectsNegativeQuantity",
                        FindingSeverity.HIGH, "", 72, "java.lang.NullPointerException: Cannot invoke "
                        + "\"dev.example.billing.Customer.id()\" because \"customer\" is null",
                        "target/surefire-reports/TEST-x.xml"));
    }

    @Test
    void pytestReportNamesTheTestFileAndCountsAFailureWithATeardownErrorOnce() throws Exception {
        TestResults results = JUNIT_XML.parse("pytest.xml", bytes(Samples.PYTEST));

        assertThat(results.counts()).isEqualTo(new TestCounts(6, 2, 0, 1));
        assertThat(results.failures()).extracting(Finding::rule, Finding::file, Finding::line, Finding::message)
                .containsExactly(
                org.assertj.core.groups.Tuple.tuple("tests.test_parser.test_rejects_unclosed_tag",
                        "tests/test_parser.py", 21, "AssertionError: assert 'ok' == 'error'"),
                org.assertj.core.groups.Tuple.tuple("tests.test_upload.test_upload_resumes[large]",
                        "tests/test_upload.py", 47, "TimeoutError: upload did not resume within 0.5s"));
    }

    @Test
    void bareTestsuiteFromPytestIsRead() throws Exception {
        TestResults results = JUNIT_XML.parse("bare.xml", bytes(Samples.PYTEST_BARE));

        assertThat(results.counts()).isEqualTo(new TestCounts(2, 0, 0, 0));
        assertThat(results.counts().passRate()).hasValue(100.0);
        assertThat(results.failures()).isEmpty();
    }

    @Test
    void jestJunitReportTakesTheMessageFromTheFailureTextAndDoesNotRepeatTheTitle() throws Exception {
        TestResults results = JUNIT_XML.parse("junit.xml", bytes(Samples.JEST));

        assertThat(results.counts()).isEqualTo(new TestCounts(5, 1, 0, 1));
        assertThat(results.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.rule()).isEqualTo("cart totals applies percentage coupons");
            assertThat(failure.file()).isEqualTo("src/cart/totals.test.ts");
            assertThat(failure.line()).as("from the trace's absolute path of the same file").isEqualTo(27);
            assertThat(failure.message()).isEqualTo("Error: expect(received).toBe(expected) // Object.is equality");
        });
    }

    /** No line when the trace names neither the test's file nor a frame of its class, or names a look-alike. */
    @Test
    void aTraceThatDoesNotNameTheTestGivesNoLine() throws Exception {
        String xml = """
                <testsuite name="s">
                  <testcase name="a" classname="dev.x.FooTest"><failure>at dev.x.Foo.run(Foo.java:3)
                    at dev.x.FooTestBase.check(FooTestBase.java:9)</failure></testcase>
                  <testcase name="b" classname="dev.x.FooTest"><failure>at java.base/dev.x.FooTest$Inner.lambda$b$0(FooTest.java:41)</failure></testcase>
                  <testcase name="c" file="tests/test_c.py"><failure>tests/my_test_c.py:5: AssertionError</failure></testcase>
                  <testcase name="d" classname="D"><failure message="boom"/></testcase>
                </testsuite>
                """;
        assertThat(JUNIT_XML.parse("t.xml", utf8(xml)).failures()).extracting(Finding::line)
                .containsExactly(0, 41, 0, 0);
    }

    @Test
    void unknownElementsAndAttributesAreIgnored() throws Exception {
        String xml = """
                <testsuite name="s" tests="2" flaky="1" xmlns:x="urn:x">
                  <x:extension answer="42"/>
                  <testcase name="a" classname="C" retries="1">
                    <flakyFailure message="first try timed out" type="java.util.concurrent.TimeoutException"/>
                    <rerunFailure message="ignored as well"/>
                  </testcase>
                  <testcase name="b" classname="C"><custom-report><failure-like>x</failure-like></custom-report></testcase>
                </testsuite>
                """;
        TestResults results = JUNIT_XML.parse("flaky.xml", utf8(xml));

        assertThat(results.counts()).isEqualTo(new TestCounts(2, 0, 0, 0));
    }

    @Test
    void nestedSuitesAreSummedAndTheSuiteFileIsInherited() throws Exception {
        String xml = """
                <testsuites>
                  <testsuite name="outer" file="spec/outer_spec.rb" tests="3" failures="1">
                    <testcase name="one"/>
                    <testsuite name="inner" tests="2" failures="1">
                      <testcase name="two"><failure message="expected true"/></testcase>
                      <testcase name="three"><error/></testcase>
                    </testsuite>
                  </testsuite>
                </testsuites>
                """;
        TestResults results = JUNIT_XML.parse("rspec.xml", utf8(xml));

        assertThat(results.counts()).isEqualTo(new TestCounts(3, 1, 1, 0));
        assertThat(results.failures()).extracting(Finding::file).containsOnly("spec/outer_spec.rb");
        assertThat(results.failures()).extracting(Finding::message).containsExactly("expected true", "error");
    }

    @Test
    void aTestCaseWithoutNameIsMalformedAndTheMessageSaysWhere() {
        MalformedEvidenceException e = malformed(() ->
                JUNIT_XML.parse("t.xml", bytes("broken/TEST-unnamed-testcase.xml")));

        assertThat(e.describe()).contains("line 4", "<testcase> has no 'name' attribute",
                "Fix: give every <testcase> a name");
    }

    @Test
    void aSuiteDeclaringFailuresItsCasesDoNotShowIsMalformed() {
        String xml = """
                <testsuite name="dev.example.DbTest" tests="1" failures="0" errors="1">
                  <testcase name="reads" classname="dev.example.DbTest"/>
                </testsuite>
                """;
        assertThat(malformed(() -> JUNIT_XML.parse("t.xml", utf8(xml))).describe())
                .contains("line 1", "<testsuite name=\"dev.example.DbTest\"> declares 1 errors but its test cases "
                        + "contain 0 <error>", "Fix: look at the test run's log");
    }

    @Test
    void aSuiteDeclaringTestsWithoutTestCasesIsMalformed() {
        String xml = "<testsuites><testsuite name=\"s\" tests=\"12\" failures=\"0\"/></testsuites>";
        assertThat(malformed(() -> JUNIT_XML.parse("t.xml", utf8(xml))).getMessage())
                .isEqualTo("<testsuite name=\"s\"> declares 12 tests but contains no <testcase>");
    }

    @Test
    void anEmptySuiteIsZeroTestsWithoutPassRate() throws Exception {
        TestResults results = JUNIT_XML.parse("t.xml", utf8("<testsuite name=\"s\" tests=\"0\"/>"));

        assertThat(results.counts()).isEqualTo(TestCounts.NONE);
        assertThat(results.counts().passRate()).isEmpty();
    }

    @Test
    void aNonNumericCountAttributeIsMalformed() {
        String xml = "<testsuite name=\"s\" tests=\"many\"><testcase name=\"a\"/></testsuite>";
        assertThat(malformed(() -> JUNIT_XML.parse("t.xml", utf8(xml))).describe())
                .contains("<testsuite> has tests=\"many\", which is not a whole number of zero or more");
    }

    @Test
    void aTestCaseOutsideAnySuiteIsMalformed() {
        String xml = "<testsuites><testcase name=\"a\"/></testsuites>";
        assertThat(malformed(() -> JUNIT_XML.parse("t.xml", utf8(xml))).getMessage())
                .isEqualTo("<testcase> is outside any <testsuite>");
    }

    @Test
    void theWrongRootAndATruncatedFileAreMalformed() {
        assertThat(malformed(() -> JUNIT_XML.parse("c.xml", bytes("broken/wrong-root-junit.xml"))).describe())
                .contains("line 2, <checkstyle>", "the root element is <checkstyle>, but a JUnit XML report starts "
                        + "with <testsuites> or <testsuite>");
        assertThat(malformed(() -> JUNIT_XML.parse("t.xml", bytes("broken/TEST-truncated.xml"))).describe())
                .contains("the file is not well-formed XML", "Fix: regenerate the report");
    }

    static LongStream seeds() {
        return LongStream.range(0, 40).map(i -> 0x5EED_0000L + i);
    }

    /** Property: whatever the mix of outcomes and the nesting, the counts are the generated test cases' outcomes. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void countsMatchTheGeneratedTestCases(long seed) throws Exception {
        Random random = new Random(seed);
        StringBuilder xml = new StringBuilder("<testsuites>");
        long[] expected = new long[4];   // total, failed, errors, skipped
        int suites = 1 + random.nextInt(4);
        for (int s = 0; s < suites; s++) {
            StringBuilder cases = new StringBuilder();
            long failures = 0;
            long errors = 0;
            int count = random.nextInt(12);
            for (int c = 0; c < count; c++) {
                boolean failure = random.nextInt(5) == 0;
                boolean error = random.nextInt(6) == 0;
                boolean skipped = !failure && !error && random.nextInt(7) == 0;
                cases.append("<testcase classname=\"pkg.S").append(s).append("\" name=\"t").append(c).append("\">");
                if (failure) {
                    cases.append("<failure message=\"boom ").append(c).append("\">trace</failure>");
                    failures++;
                }
                if (error) {
                    cases.append("<error type=\"E\"/>");
                    errors++;
                }
                if (skipped) {
                    cases.append("<skipped/>");
                }
                cases.append("<system-out>noise</system-out></testcase>");
                expected[0]++;
                expected[1] += failure ? 1 : 0;
                expected[2] += !failure && error ? 1 : 0;
                expected[3] += skipped ? 1 : 0;
            }
            xml.append("<testsuite name=\"S").append(s).append("\" tests=\"").append(count)
                    .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors).append("\">")
                    .append(cases).append("</testsuite>");
        }
        xml.append("</testsuites>");

        TestResults results = JUNIT_XML.parse("generated.xml", utf8(xml.toString()));

        assertThat(results.counts()).isEqualTo(new TestCounts(expected[0], expected[1], expected[2], expected[3]));
        assertThat(results.failures()).hasSize((int) (expected[1] + expected[2]));
    }
}
