package dev.pce.engine.evidence;

/**
 * What one evidence file said, or why it could not be read. {@link EvidenceMerger} folds a list of them into one
 * {@link dev.pce.engine.gate.Evidence}.
 */
public sealed interface ParsedFile permits TestResults, CoverageResults, AnalysisResults, UnreadableFile {

    /** The evidence file, as the caller named it (the path given, or the path found under a given directory). */
    String source();
}
