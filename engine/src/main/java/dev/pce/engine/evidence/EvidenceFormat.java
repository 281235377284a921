package dev.pce.engine.evidence;

import dev.pce.engine.gate.Dimension;

import java.util.List;
import java.util.Set;

/**
 * One evidence file format: its name, how its content is recognised, the file names a directory walk takes for it,
 * what it measures, and how it is read. One class per format, listed in {@link EvidenceFormats#ALL}: detection,
 * directory walks, reading and dimension inference all go through that list, so a new format is one class and one
 * line there. A format reads into one of the {@link ParsedFile} kinds, which {@link EvidenceMerger} folds.
 */
public interface EvidenceFormat {

    /** Its name, content signature, file names, name hints and dimensions. */
    FormatProfile profile();

    /** "JUnit XML": problems say "as JUnit XML: ...", and the list of formats PCE reads names it. */
    default String name() {
        return profile().name();
    }

    /** What its content looks like; the format is told from the content, never from the file's name. */
    default ContentSignature signature() {
        return profile().signature();
    }

    /** The names of the files a directory walk takes for it: {@link FormatProfile#fileNames()}. */
    default List<String> fileNames() {
        return profile().fileNames();
    }

    /** What in a file's name says it was meant to be of this format: {@link FormatProfile#nameHints()}. */
    default List<String> nameHints() {
        return profile().nameHints();
    }

    /** The dimensions its files report on. */
    default Set<Dimension> dimensions() {
        return profile().dimensions();
    }

    /** The dimensions {@code parsed}, one of its files, reports on: {@link #dimensions()} unless it says which. */
    default Set<Dimension> dimensionsOf(ParsedFile parsed) {
        return dimensions();
    }

    /**
     * Reads content whose {@link #signature()} matched. {@code source} names the file in what it yields.
     *
     * @throws MalformedEvidenceException when the content breaks the format: where, what, and how to fix it
     */
    ParsedFile parse(String source, byte[] content) throws MalformedEvidenceException;
}
