package dev.pce.engine.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The sample evidence files under src/test/resources/evidence, and small helpers for tests that use them. */
final class Samples {

    static final String SUREFIRE = "junit/TEST-dev.example.billing.InvoiceServiceTest.xml";
    static final String PYTEST = "junit/pytest-junit.xml";
    static final String PYTEST_BARE = "junit/pytest-bare.xml";
    static final String JEST = "junit/jest-junit.xml";
    static final String JACOCO = "coverage/jacoco.xml";
    static final String COBERTURA = "coverage/cobertura-coverage.xml";
    static final String LCOV = "coverage/lcov.info";
    static final String CODEQL = "sarif/codeql-java.sarif";
    static final String SEMGREP = "sarif/semgrep.sarif";
    static final String ESLINT = "sarif/eslint.sarif.json";

    private Samples() {
    }

    static Path path(String name) {
        URL url = Samples.class.getResource("/evidence/" + name);
        assertThat(url).as("sample " + name).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A parser call that must fail; returns the exception for its message to be checked. */
    static MalformedEvidenceException malformed(Parse parse) {
        MalformedEvidenceException e = catchThrowableOfType(MalformedEvidenceException.class, parse::run);
        assertThat(e).as("expected the file to be malformed").isNotNull();
        return e;
    }

    /** A parser call. */
    @FunctionalInterface
    interface Parse {
        void run() throws MalformedEvidenceException;
    }
}
