package dev.pce.engine.evidence;

import dev.pce.engine.Cancellation;
import dev.pce.engine.gate.Evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the evidence files CI produced into one {@link Evidence}: finds the files ({@link EvidenceFiles}), tells
 * each one's format from its content ({@link EvidenceFormats#detect}), reads it with that format, and merges the
 * lot ({@link EvidenceMerger}). Never throws for a bad file: a file that is missing, unreadable, bigger than
 * {@link #MAX_FILE_BYTES}, binary, of no known format or malformed becomes an
 * {@link dev.pce.engine.gate.EvidenceProblem} naming the file, where in it, and how to fix it.
 */
public final class EvidenceReader {

    /** Larger files are refused unread: no CI report is this big, and the whole file is held in memory. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private static final EvidenceReader ALL_FORMATS = new EvidenceReader(EvidenceFormats.ALL);

    private final EvidenceFormats formats;

    /** A reader of {@code formats} only. */
    public EvidenceReader(EvidenceFormats formats) {
        this.formats = formats;
    }

    /** The reader of every format PCE reads ({@link EvidenceFormats#ALL}). */
    public static EvidenceReader ofAllFormats() {
        return ALL_FORMATS;
    }

    /** All evidence under {@code paths} (files, or directories to walk), merged. */
    public Evidence read(List<Path> paths) {
        return EvidenceMerger.merge(readAll(paths));
    }

    /** Each evidence file under {@code paths}, parsed, before merging; problems as {@link UnreadableFile}s. */
    public List<ParsedFile> readAll(List<Path> paths) {
        return readAll(paths, EvidenceScope.ANYWHERE);
    }

    /** As {@link #readAll(List)}, refusing unread every file whose real location {@code scope} does not admit. */
    public List<ParsedFile> readAll(List<Path> paths, EvidenceScope scope) {
        return readEach(paths, scope, Cancellation.none()).stream().map(EvidenceFile::parsed).toList();
    }

    /**
     * As {@link #readAll(List, EvidenceScope)}, each file with the dimensions it reports on, stopping before the
     * next file when {@code cancellation} is cancelled (a directory of reports can hold thousands).
     *
     * @throws Cancellation.Cancelled when cancelled
     */
    public List<EvidenceFile> readEach(List<Path> paths, EvidenceScope scope, Cancellation cancellation) {
        EvidenceFiles.Found found = EvidenceFiles.find(paths, formats);
        List<EvidenceFile> read = new ArrayList<>();
        found.problems().forEach(problem -> read.add(unreadable(new UnreadableFile(problem))));
        for (Path file : found.files()) {
            cancellation.check();
            read.add(outsideOf(scope, file).map(this::unreadable).orElseGet(() -> readFileOf(file)));
        }
        return read;
    }

    private static Optional<UnreadableFile> outsideOf(EvidenceScope scope, Path file) {
        if (scope == EvidenceScope.ANYWHERE) {
            return Optional.empty();
        }
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            // A dangling link: nothing to read, and nothing to tell about where it points.
            return Optional.of(UnreadableFile.of(file.toString(), "cannot be resolved: it is a broken link, or a "
                    + "folder on its way cannot be read. Fix: check that it exists and is not a broken link."));
        }
        // the file is named as found, never by where its link leads
        return scope.admits(real) ? Optional.empty() : Optional.of(UnreadableFile.of(file.toString(), "is a link "
                + "that leads outside " + scope.admitted() + "; it was not read. Fix: copy the report into the "
                + "project instead of linking to it."));
    }

    /** One file, whatever its name. */
    public ParsedFile readFile(Path file) {
        return readFileOf(file).parsed();
    }

    private EvidenceFile readFileOf(Path file) {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            // Reading a directory fails, and reading a pipe or a device may never end.
            return unreadable(UnreadableFile.of(source, Files.exists(file) ? "is not a regular file. Fix: name a "
                    + "report file, or a directory to search for reports." : "no such file. Fix: check the path, and "
                    + "that the step writing this evidence ran before the gate."));
        }
        try (InputStream in = Files.newInputStream(file)) {
            // The size on disk refuses a huge file unread; reading one byte past the limit catches one still growing.
            byte[] content = Files.size(file) > MAX_FILE_BYTES ? null : in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (content == null || content.length > MAX_FILE_BYTES) {
                return unreadable(UnreadableFile.of(source, "the file is larger than " + (MAX_FILE_BYTES >> 20)
                        + " MiB, the limit for evidence files. Fix: split the report (one per module) or lower its "
                        + "verbosity."));
            }
            return parseOf(source, content);
        } catch (IOException | RuntimeException e) {
            return unreadable(UnreadableFile.of(source, "the file cannot be read (" + e + "). Fix: check that it "
                    + "exists, is a regular file and is readable."));
        }
    }

    /** One file's content: format detected, then parsed. {@code source} names it in findings and problems. */
    public ParsedFile parse(String source, byte[] content) {
        return parseOf(source, content).parsed();
    }

    private EvidenceFile parseOf(String source, byte[] content) {
        EvidenceFormat format = null;
        try {
            format = formats.detect(content);
            ParsedFile parsed = format.parse(source, content);
            return new EvidenceFile(parsed, format.dimensionsOf(parsed));
        } catch (MalformedEvidenceException e) {
            String prefix = format == null ? "" : "as " + format.name() + ": ";
            return unreadable(UnreadableFile.of(source, prefix + e.describe()));
        } catch (RuntimeException e) {
            // A defect of PCE, not of the file; still never a pass.
            return unreadable(UnreadableFile.of(source, "PCE failed to read it (" + e + "). Fix: this is a bug in "
                    + "PCE; report it with the file attached. Until then the gate cannot use this evidence."));
        }
    }

    /** A file that could not be read is judged by its name: a broken JUnit report still concerns the tests. */
    private EvidenceFile unreadable(UnreadableFile file) {
        return new EvidenceFile(file, formats.dimensionsByName(file.source()));
    }
}
