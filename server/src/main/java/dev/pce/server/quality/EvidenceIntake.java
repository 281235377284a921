package dev.pce.server.quality;

import dev.pce.engine.Cancellation;
import dev.pce.engine.event.EvidenceReported;
import dev.pce.engine.evidence.EvidenceFile;
import dev.pce.engine.evidence.EvidenceReader;
import dev.pce.engine.evidence.ParsedFile;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Evidence;
import dev.pce.engine.gate.EvidenceProblem;
import dev.pce.engine.service.WorkflowService;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads evidence files a tool names and stores what each said with the workflow. */
public final class EvidenceIntake {
    private final WorkflowService workflows;
    private final EvidenceLocations locations;

    public EvidenceIntake(WorkflowService workflows, EvidenceLocations locations) {
        this.workflows = workflows;
        this.locations = locations;
    }

    /** What was read from one file: the dimensions it reports on, or why it could not be read. */
    public record FileRead(String file, List<String> dimensions, int measurements, int findings,
                           Optional<String> problem) {

        /** What {@code report}, made of {@code file}, holds. */
        public static FileRead of(ParsedFile file, EvidenceReported report) {
            return new FileRead(file.source(), EvidenceReports.dimensions(file).stream().map(Dimension::wireName)
                    .toList(), report.measurements().size(), report.findings().size(),
                    report.problems().stream().map(EvidenceProblem::message).findFirst());
        }
    }

    /** Everything one call read: each file, and their evidence together (for CI's annotations). */
    public record Intake(List<FileRead> files, Evidence evidence) {
    }

    /** Reads {@code paths} (files, or directories searched for known report names) into the workflow. */
    public List<FileRead> read(String workflowId, List<String> paths, String field, String agent) {
        return read(workflowId, paths, field, agent, Cancellation.none());
    }

    /**
     * As {@link #read(String, List, String, String)}: every file is read before the first report is stored, and
     * storing it is the point of no return of {@code cancellation}.
     *
     * @throws Cancellation.Cancelled when cancelled before: nothing was stored
     */
    public List<FileRead> read(String workflowId, List<String> paths, String field, String agent,
                               Cancellation cancellation) {
        return intake(workflowId, paths, field, agent, cancellation).files();
    }

    /** As {@link #read(String, List, String, String)}, with the evidence read as well. */
    public Intake intake(String workflowId, List<String> paths, String field, String agent,
                         Cancellation cancellation) {
        List<Path> resolved = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            resolved.add(locations.resolve(paths.get(i), field + "[" + i + "]"));
        }
        List<FileRead> read = new ArrayList<>();
        Evidence evidence = Evidence.EMPTY;
        for (ParsedFile file : EvidenceReader.ofAllFormats().readEach(resolved, locations, cancellation).stream()
                .map(EvidenceFile::parsed).toList()) {
            EvidenceReported report = EvidenceReports.of(file);
            workflows.reportEvidence(workflowId, report, agent, cancellation);
            read.add(FileRead.of(file, report));
            evidence = evidence.plus(report.evidence());
        }
        return new Intake(read, evidence);
    }
}
