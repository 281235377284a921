package dev.pce.engine.evidence;

import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Finding;
import dev.pce.engine.gate.FindingSeverity;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads JUnit-style XML test reports: Surefire/Failsafe {@code TEST-*.xml} (root {@code <testsuite>}), pytest
 * {@code --junitxml} ({@code <testsuites>} around one {@code <testsuite>}, or a bare one) and jest-junit
 * ({@code <testsuites>} around one {@code <testsuite>} per test file). Suites may nest.
 *
 * <p>The {@code <testcase>} elements are the truth: each counts once, as failed when it has a {@code <failure>},
 * else as an error when it has an {@code <error>}, else as skipped when it has a {@code <skipped>}, else as
 * passed. A failing or erroring case becomes a HIGH finding of dimension TESTS: rule {@code classname.name}
 * (just the name when the class name is empty or the same), the case's or its suite's {@code file} attribute, the
 * line of the test's file its stack trace names ({@link TestFailureLine}, else 0), and the first line of the
 * {@code message} attribute (else of the element's text, else its {@code type}).
 *
 * <p>A suite's own tests/failures/errors attributes are only checked where trusting the test cases could
 * hide a failure: a suite that declares more failures or errors than its test cases contain, or declares tests
 * but contains none, makes the file a problem (a suite that crashed before its cases ran, or a cut-down file).
 */
public final class JUnitXmlFormat extends XmlFormat<TestResults> {

    /** Of a failure's text: enough for the test's frame below a framework's frames, bounded for huge traces. */
    private static final int MAX_TRACE_TEXT = 65_536;

    private static final FormatProfile PROFILE = new FormatProfile("JUnit XML",
            ContentSignature.xmlRoot("testsuites", "testsuite"), List.of("TEST-*.xml", "*junit*.xml"),
            List.of("test-*", "*junit*"), EnumSet.of(Dimension.TESTS));

    public JUnitXmlFormat() {
        super(PROFILE);
    }

    @Override
    TestResults read(String source, XmlCursor xml) throws MalformedEvidenceException {
        return new Reading(source, xml).read();
    }

    /** The outcome of one test case, worst first: a failure outranks an error, an error outranks a skip. */
    private enum Outcome { FAILED, ERROR, SKIPPED, PASSED }

    /** A {@code <testsuite>} being read: what it declares, and what its test cases (nested suites' too) hold. */
    private static final class Suite {
        final String name;
        final String where;
        final String file;
        final OptionalLong declaredTests;
        final OptionalLong declaredFailures;
        final OptionalLong declaredErrors;
        long cases;
        long failureElements;
        long errorElements;

        Suite(XmlCursor xml, Suite parent) throws MalformedEvidenceException {
            name = xml.attribute("name") == null ? "" : xml.attribute("name");
            where = xml.where();
            String ownFile = xml.attribute("file");
            file = ownFile != null ? ownFile : parent != null ? parent.file : "";
            declaredTests = xml.count("tests");
            declaredFailures = xml.count("failures");
            declaredErrors = xml.count("errors");
        }

        void addTo(Suite parent) {
            parent.cases += cases;
            parent.failureElements += failureElements;
            parent.errorElements += errorElements;
        }

        void crossCheck() throws MalformedEvidenceException {
            String suite = "<testsuite" + (name.isEmpty() ? "" : " name=\"" + name + "\"") + ">";
            if (declaredTests.orElse(0) > 0 && cases == 0) {
                throw new MalformedEvidenceException(where, suite + " declares " + declaredTests.getAsLong()
                        + " tests but contains no <testcase>", "regenerate the report; a suite without test "
                        + "cases is a summary that cannot show which tests failed");
            }
            if (declaredFailures.orElse(0) > failureElements) {
                throw declaredMore(suite, declaredFailures.getAsLong(), "failures", failureElements, "<failure>");
            }
            if (declaredErrors.orElse(0) > errorElements) {
                throw declaredMore(suite, declaredErrors.getAsLong(), "errors", errorElements, "<error>");
            }
        }

        private MalformedEvidenceException declaredMore(String suite, long declared, String what, long found,
                                                        String element) {
            return new MalformedEvidenceException(where, suite + " declares " + declared + " " + what
                    + " but its test cases contain " + found + " " + element, "look at the test run's log: the "
                    + "suite probably failed outside any test (set-up, a crashed fork); fix that and regenerate "
                    + "the report");
        }
    }

    /** A {@code <testcase>} being read. */
    private static final class Case {
        final String rule;
        final String className;
        final String file;
        Outcome outcome = Outcome.PASSED;
        String message = "";
        int line;

        Case(String rule, String className, String file) {
            this.rule = rule;
            this.className = className;
            this.file = file;
        }

        void record(Outcome seen, String seenMessage, String trace) {
            if (seen.compareTo(outcome) < 0) {
                outcome = seen;
                message = seenMessage;
                line = TestFailureLine.find(trace, className, file);
            }
        }
    }

    /** One pass over one file. */
    private static final class Reading {
        private final String source;
        private final XmlCursor xml;
        private final Deque<Suite> suites = new ArrayDeque<>();
        private final List<Finding> failures = new ArrayList<>();
        private Case current;
        private int caseDepth;
        private long total;
        private long failed;
        private long errors;
        private long skipped;

        Reading(String source, XmlCursor xml) {
            this.source = source;
            this.xml = xml;
        }

        /** From the root element's start tag, where the cursor stands, to the end. */
        TestResults read() throws MalformedEvidenceException {
            do {
                if (xml.atStart()) {
                    start();
                } else {
                    end();
                }
            } while (xml.next());
            return new TestResults(source, new TestCounts(total, failed, errors, skipped), failures);
        }

        private void start() throws MalformedEvidenceException {
            if (current != null) {
                if (xml.depth() == caseDepth + 1) {
                    caseChild();
                }
                return;
            }
            switch (xml.name()) {
                case "testsuite" -> suites.push(new Suite(xml, suites.peek()));
                case "testcase" -> startCase();
                default -> {
                    // properties, system-out, system-err and anything newer: not evidence
                }
            }
        }

        private void startCase() throws MalformedEvidenceException {
            if (suites.isEmpty()) {
                throw new MalformedEvidenceException(xml.where(), "<testcase> is outside any <testsuite>",
                        "put test cases inside a <testsuite>; the JUnit XML format nests them there");
            }
            String name = xml.requiredAttribute("name", "give every <testcase> a name attribute (the test's name)");
            String className = xml.attribute("classname");
            String file = xml.attribute("file");
            // jest-junit's default classname is the full test title, the same as the name: no need to say it twice
            boolean named = className == null || className.isBlank() || className.equals(name);
            String rule = named ? name : className + "." + name;
            current = new Case(rule, className == null ? "" : className.strip(),
                    file != null ? file : suites.peek().file);
            caseDepth = xml.depth();
        }

        private void caseChild() throws MalformedEvidenceException {
            Outcome outcome;
            switch (xml.name()) {
                case "failure" -> {
                    outcome = Outcome.FAILED;
                    suites.peek().failureElements++;
                }
                case "error" -> {
                    outcome = Outcome.ERROR;
                    suites.peek().errorElements++;
                }
                case "skipped" -> outcome = Outcome.SKIPPED;
                default -> {
                    return;
                }
            }
            String message = FirstLine.of(xml.attribute("message"));
            String type = xml.attribute("type");
            String trace = xml.text(MAX_TRACE_TEXT);
            String text = FirstLine.of(trace);
            if (message.isEmpty()) {
                message = !text.isEmpty() ? text : type != null ? FirstLine.of(type) : "";
            }
            current.record(outcome, message, trace);
        }

        private void end() throws MalformedEvidenceException {
            if (current != null && xml.depth() == caseDepth) {
                endCase();
            } else if (current == null && "testsuite".equals(xml.name())) {
                Suite suite = suites.pop();
                suite.crossCheck();
                if (!suites.isEmpty()) {
                    suite.addTo(suites.peek());
                }
            }
        }

        private void endCase() {
            Case done = current;
            current = null;
            suites.peek().cases++;
            total++;
            switch (done.outcome) {
                case FAILED -> failed++;
                case ERROR -> errors++;
                case SKIPPED -> skipped++;
                case PASSED -> {
                    return;
                }
            }
            if (done.outcome != Outcome.SKIPPED) {
                String message = done.message.isEmpty() ? (done.outcome == Outcome.FAILED ? "failed" : "error")
                        : done.message;
                failures.add(Finding.at(Dimension.TESTS, done.rule, FindingSeverity.HIGH, done.file, done.line,
                        message, source));
            }
        }
    }
}
