package dev.pce.engine.evidence;

import dev.pce.engine.gate.Dimension;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The evidence formats a reader knows, in order: detection tries them in this order, messages name them in it, and
 * a file's name is matched against their names in it. {@link #ALL} is the one list of the formats PCE reads.
 */
public final class EvidenceFormats {

    /** Every format PCE reads. A new format is a class implementing {@link EvidenceFormat} and a line here. */
    public static final EvidenceFormats ALL = new EvidenceFormats(List.of(
            new JUnitXmlFormat(),
            new JacocoXmlFormat(),
            new CoberturaXmlFormat(),
            new LcovFormat(),
            new SarifFormat()));

    private final List<EvidenceFormat> formats;
    private final FormatDetector detector;

    public EvidenceFormats(List<EvidenceFormat> formats) {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("a reader needs at least one evidence format");
        }
        this.formats = List.copyOf(formats);
        this.detector = new FormatDetector(this.formats, names());
    }

    public List<EvidenceFormat> list() {
        return formats;
    }

    /** "JUnit XML, JaCoCo XML, Cobertura XML, LCOV or SARIF": what a file of no known format should have been. */
    public String names() {
        List<String> names = formats.stream().map(EvidenceFormat::name).toList();
        return names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }

    /**
     * The format of {@code content}, told from the content alone.
     *
     * @throws MalformedEvidenceException when the content is empty, binary, or of none of these formats
     */
    public EvidenceFormat detect(byte[] content) throws MalformedEvidenceException {
        return detector.detect(content);
    }

    /** True for the names of the files a directory walk takes: one of a format's {@link EvidenceFormat#fileNames()}. */
    public boolean isReportName(String fileName) {
        return formats.stream().flatMap(format -> format.fileNames().stream())
                .anyMatch(glob -> FileNameGlob.matches(glob, fileName));
    }

    /** "TEST-*.xml, *junit*.xml, jacoco.xml, ...": the names a directory walk looks for. */
    public String reportNames() {
        return String.join(", ", formats.stream().flatMap(format -> format.fileNames().stream()).toList());
    }

    /**
     * What a file that could not be read was meant to report on, judged by its name: the dimensions of the first
     * format whose {@link EvidenceFormat#nameHints()} its name matches; none when no format's does.
     */
    public Set<Dimension> dimensionsByName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        for (EvidenceFormat format : formats) {
            if (format.nameHints().stream().anyMatch(glob -> FileNameGlob.matches(glob, name))) {
                return format.dimensions();
            }
        }
        return EnumSet.noneOf(Dimension.class);
    }
}
