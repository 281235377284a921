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

    /** "JUnit XML": problems say "as JUnit XML: ...", and the list of formats PCE reads names it. */
    String name();

    /** What its content looks like; the format is told from the content, never from the file's name. */
    ContentSignature signature();

    /**
     * The names of the files a directory walk takes for it ({@link FileNameGlob}): the names its tools write. A
     * file named explicitly is read whatever its name.
     */
    List<String> fileNames();

    /**
     * What in a file's name says it was meant to be of this format ({@link FileNameGlob}), looser than
     * {@link #fileNames()}: a file that cannot be read is judged by its name, so that it fails the dimensions it
     * was meant to feed and no others.
     */
    List<String> nameHints();

    /** The dimensions its files report on. */
    Set<Dimension> dimensions();

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
