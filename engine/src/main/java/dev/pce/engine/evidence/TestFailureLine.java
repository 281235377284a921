package dev.pce.engine.evidence;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line of a failing test's own file that its failure's stack trace names, so CI can point at the line that
 * failed. A report that gives the test's file (pytest, jest-junit) is searched for that file's name followed by
 * {@code :line}; else a JVM trace is searched for the first frame of the test's class ({@code at
 * dev.example.FooTest.bar(FooTest.java:58)}, also of its nested classes and lambdas). The first hit is the
 * innermost call in the test, where the assertion is.
 */
final class TestFailureLine {
    /** A module or class loader prefix before a frame's class: "java.base/", "app//". */
    private static final String FRAME_PREFIX = "(?:\\S*/)?";

    private TestFailureLine() {
    }

    /**
     * @param trace     the failure's or error's text; may be empty
     * @param className the test case's classname; may be empty
     * @param file      the test case's file as the report gives it; may be empty
     * @return the 1-based line, or 0 when the trace names none
     */
    static int find(String trace, String className, String file) {
        if (trace.isEmpty()) {
            return 0;
        }
        if (!file.isEmpty()) {
            String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
            int line = first(Pattern.compile("(?<![\\w.-])" + Pattern.quote(name) + ":(\\d+)"), trace);
            if (line > 0) {
                return line;
            }
        }
        if (!className.isEmpty()) {
            return first(Pattern.compile("\\bat\\s+" + FRAME_PREFIX + Pattern.quote(className)
                    + "[.$][^\\s(]*\\([^:()]*:(\\d+)\\)"), trace);
        }
        return 0;
    }

    private static int first(Pattern pattern, String trace) {
        Matcher matcher = pattern.matcher(trace);
        if (!matcher.find()) {
            return 0;
        }
        try {
            return Integer.parseInt(matcher.group(1));
        } catch (NumberFormatException e) {
            return 0; // more digits than a line number has: not a line
        }
    }
}
