package dev.pce.engine.evidence;

import dev.pce.engine.Cancellation;
import dev.pce.engine.event.EvidenceReported;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Evidence;
import dev.pce.engine.gate.EvidenceProblem;
import dev.pce.engine.gate.EvidenceSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one call read from evidence files: each file as the tools answer it, and the report a workflow stores of it
 * (one per file, keyed by its path, so the file read again after the next test run replaces what it said before).
 *
 * @param files   each file read, in reading order
 * @param reports the report of each file, in the same order
 */
public record EvidenceIntake(List<FileRead> files, List<EvidenceReported> reports) {

    public EvidenceIntake {
        files = List.copyOf(files);
        reports = List.copyOf(reports);
    }

    /** What was read from one file: the dimensions it reports on, or why it could not be read. */
    public record FileRead(String file, List<String> dimensions, int measurements, int findings,
                           Optional<String> problem) {

        /** What {@code report}, made of {@code file}, holds. */
        public static FileRead of(EvidenceFile file, EvidenceReported report) {
            return new FileRead(file.source(), file.dimensions().stream().map(Dimension::wireName).toList(),
                    report.measurements().size(), report.findings().size(),
                    report.problems().stream().map(EvidenceProblem::message).findFirst());
        }
    }

    /**
     * Reads {@code paths} (files, or directories searched for the names reporting tools write) with every format
     * PCE reads, refusing unread the files whose real location {@code scope} does not admit.
     *
     * @throws Cancellation.Cancelled when cancelled before the last file was read
     */
    public static EvidenceIntake read(List<Path> paths, EvidenceScope scope, Cancellation cancellation) {
        return of(EvidenceReader.ofAllFormats().readEach(paths, scope, cancellation));
    }

    /** The intake of files already read. */
    public static EvidenceIntake of(List<EvidenceFile> read) {
        List<FileRead> files = new ArrayList<>();
        List<EvidenceReported> reports = new ArrayList<>();
        for (EvidenceFile file : read) {
            EvidenceReported report = file.report();
            files.add(FileRead.of(file, report));
            reports.add(report);
        }
        return new EvidenceIntake(files, reports);
    }

    /** Everything the files said, together (a gate of the files alone, CI's annotations). */
    public Evidence evidence() {
        Evidence all = Evidence.EMPTY;
        for (EvidenceReported report : reports) {
            all = all.plus(report.evidence());
        }
        return all;
    }

    /** Which dimensions each file was meant to feed, so a file that could not be read fails those only. */
    public List<EvidenceSource> sources() {
        return reports.stream().flatMap(report -> report.sources().stream()).toList();
    }
}
