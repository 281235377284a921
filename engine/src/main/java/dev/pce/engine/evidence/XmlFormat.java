package dev.pce.engine.evidence;

import java.util.List;

/**
 * What every XML evidence format does alike: it returns its one profile, and it reads a file by opening it with the
 * hardened {@link XmlCursor} and requiring the root element its signature names, so the format's own reading starts
 * at a root it knows. The subclass is still the one class listed in {@link EvidenceFormats#ALL}.
 *
 * @param <R> the kind of {@link ParsedFile} the format reads into
 */
abstract class XmlFormat<R extends ParsedFile> implements EvidenceFormat {
    private final FormatProfile profile;
    private final String[] roots;

    /** @param profile the format's profile, whose signature must be {@link ContentSignature#xmlRoot} */
    XmlFormat(FormatProfile profile) {
        if (!(profile.signature() instanceof ContentSignature.XmlRoot(List<String> elements))) {
            throw new IllegalArgumentException(profile.name() + " is read as XML, but its signature is "
                    + profile.signature() + "; give it ContentSignature.xmlRoot(...)");
        }
        this.profile = profile;
        this.roots = elements.toArray(String[]::new);
    }

    @Override
    public final FormatProfile profile() {
        return profile;
    }

    @Override
    public final R parse(String source, byte[] content) throws MalformedEvidenceException {
        try (XmlCursor xml = XmlCursor.open(content)) {
            xml.requireRoot(profile.name(), roots);
            return read(source, xml);
        }
    }

    /**
     * Reads the file from its root element on: {@code xml} stands at the root's start tag. {@code source} names the
     * file in what it yields.
     *
     * @throws MalformedEvidenceException when the content breaks the format: where, what, and how to fix it
     */
    abstract R read(String source, XmlCursor xml) throws MalformedEvidenceException;
}
