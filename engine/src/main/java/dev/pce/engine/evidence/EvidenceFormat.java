package dev.pce.engine.evidence;

/** The evidence file formats PCE reads. {@link FormatDetector} tells them apart by content, not by file name. */
public enum EvidenceFormat {
    /** Surefire/Failsafe, pytest --junitxml, jest-junit and other JUnit-style XML test reports. */
    JUNIT_XML("JUnit XML"),
    /** JaCoCo's XML coverage report. */
    JACOCO_XML("JaCoCo XML"),
    /** Cobertura XML coverage (also written by coverage.py, gcovr, istanbul's cobertura reporter). */
    COBERTURA_XML("Cobertura XML"),
    /** An LCOV tracefile (lcov, c8/istanbul, grcov, cargo-llvm-cov). */
    LCOV("LCOV"),
    /** A SARIF 2.1.0 log of static analysis or security scanning. */
    SARIF("SARIF");

    private final String displayName;

    EvidenceFormat(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
