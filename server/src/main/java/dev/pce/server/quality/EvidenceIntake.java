package dev.pce.server.quality;

import dev.pce.engine.event.EvidenceReported;
import dev.pce.engine.evidence.EvidenceReader;
import dev.pce.engine.evidence.ParsedFile;
import dev.pce.engine.gate.Dimension;
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
    }

    /** Reads {@code paths} (files, or directories searched for known report names) into the workflow. */
    public List<FileRead> read(String workflowId, List<String> paths, String field, String agent) {
        List<Path> resolved = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            resolved.add(locations.resolve(paths.get(i), field + "[" + i + "]"));
        }
        List<FileRead> read = new ArrayList<>();
        for (ParsedFile file : EvidenceReader.readAll(resolved, locations)) {
            EvidenceReported report = EvidenceReports.of(file);
            workflows.reportEvidence(workflowId, report, agent);
            read.add(new FileRead(file.source(), EvidenceReports.dimensions(file).stream().map(Dimension::wireName)
                    .toList(), report.measurements().size(), report.findings().size(),
                    report.problems().stream().map(EvidenceProblem::message).findFirst()));
        }
        return read;
    }
}
