package dev.pce.engine.evidence;

import dev.pce.engine.gate.Dimension;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an evidence format declares about itself, apart from how it reads: one value per format, so a format class
 * states its traits in one place and holds nothing but its parser besides.
 *
 * @param name       "JUnit XML": problems say "as JUnit XML: ...", and the list of formats PCE reads names it
 * @param signature  what its content looks like; the format is told from the content, never from the file's name
 * @param fileNames  the names of the files a directory walk takes for it ({@link FileNameGlob}): the names its
 *                   tools write. A file named explicitly is read whatever its name
 * @param nameHints  what in a file's name says it was meant to be of this format ({@link FileNameGlob}), looser
 *                   than the file names: a file that cannot be read is judged by its name, so that it fails the
 *                   dimensions it was meant to feed and no others
 * @param dimensions the dimensions its files report on
 */
public record FormatProfile(String name, ContentSignature signature, List<String> fileNames, List<String> nameHints,
                            Set<Dimension> dimensions) {
    public FormatProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(signature, "signature");
        fileNames = List.copyOf(fileNames);
        nameHints = List.copyOf(nameHints);
        dimensions = Collections.unmodifiableSet(EnumSet.copyOf(dimensions));
    }
}
