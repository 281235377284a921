package dev.pce.server.quality;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A test that failed or ended in an error, as {@code ce gate} reports it.
 *
 * @param test    {@code classname.method} ({@code method} alone when the report gives no class)
 * @param file    the test's source file, relative to the repository: the report's {@code file}, else found under the
 *                project's test sources from the class name; empty when neither names one
 * @param line    the line of the test's file that the failure's stack trace names
 * @param message the first line of the failure's message
 * @param report  the JUnit report it was read from
 */
public record FailingTest(String test, Optional<String> file, OptionalInt line, String message, String report) {

    /** "src/test/java/FooTest.java:58", or the test's name when it has no file. */
    String where() {
        return file.map(f -> f + (line.isPresent() ? ":" + line.getAsInt() : "")).orElse(test);
    }
}
