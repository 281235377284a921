package dev.pce.server.cli;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.dependency.DeclaredEdges;
import dev.pce.engine.evidence.EvidenceReader;
import dev.pce.engine.evidence.ParsedFile;
import dev.pce.engine.event.EvidenceReported;
import dev.pce.engine.gate.CriterionResult;
import dev.pce.engine.gate.Evidence;
import dev.pce.engine.gate.EvidenceSource;
import dev.pce.engine.gate.GateRequest;
import dev.pce.engine.gate.GateResult;
import dev.pce.engine.gate.ProjectType;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.service.GateJudge;
import dev.pce.engine.service.GateOutcome;
import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.workspace.Workspace;
import dev.pce.rules.gate.DroolsGatePolicy;
import dev.pce.server.logging.LoggingSetup;
import dev.pce.server.quality.EvidenceIntake;
import dev.pce.server.quality.EvidenceLocations;
import dev.pce.server.quality.EvidenceReports;
import dev.pce.server.quality.GateReport;
import dev.pce.server.quality.ProjectTypes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code ce gate}: judges evidence files with the gate rules, for CI. With {@code --workflow} the workflow's gate
 * (its evidence is kept and remediation tasks are added, as {@code ce_gate} does); without, the files alone. With
 * {@code --ci} the verdict goes to the job's step summary and failing criteria become annotations. Exits 1 when
 * the gate blocks.
 */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = "Judge evidence files (JUnit XML, JaCoCo/Cobertura/LCOV, SARIF) with the gate rules; exit 1 "
                + "when the gate blocks. --ci writes the verdict to $GITHUB_STEP_SUMMARY and annotations to stdout.")
public final class GateCheckCommand implements Callable<Integer> {
    static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

    @Mixin
    WorkspaceOption workspaceOption = new WorkspaceOption();

    @Option(names = "--ci", description = "Write the verdict for GitHub Actions (step summary, annotations).")
    boolean ci;

    @Option(names = "--workflow", paramLabel = "ID", description = "Judge this workflow's gate (default: the files "
            + "alone).")
    Optional<String> workflowId;

    @Option(names = "--evidence", paramLabel = "PATH", arity = "1..*", required = true,
            description = "Evidence files or directories.")
    List<String> evidence = new ArrayList<>();

    @Option(names = "--project-type", paramLabel = "TYPE", description = "library, service, cli or web (default: "
            + "detected from the repository).")
    Optional<String> projectType;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LoggingSetup.configureForCli();
        Path project = Path.of("").toAbsolutePath();
        Optional<ProjectType> type = projectType.map(GateCheckCommand::parseType);
        String title;
        boolean blocking;
        List<CriterionResult> criteria;
        if (workflowId.isPresent()) {
            Workspace workspace = workspaceOption.open();
            GateJudge judge = new GateJudge(new DroolsGatePolicy(), ProjectTypes.detectedOnce(project));
            try (WorkflowService workflows = new WorkflowService(workspace, Clock.systemUTC(), new DeclaredEdges(),
                    PoolSlots.defaults(), Optional.of(judge))) {
                new EvidenceIntake(workflows, new EvidenceLocations(project, workspace.root()))
                        .read(workflowId.get(), evidence, "--evidence", "ci");
                GateOutcome outcome = workflows.evaluateGate(workflowId.get(), "ci", type);
                title = "Gate " + outcome.gate() + " of " + outcome.workflowId() + " (" + outcome.projectType() + ")";
                blocking = outcome.blocking();
                criteria = outcome.criteria();
            }
        } else {
            ProjectType resolved = type.orElseGet(ProjectTypes.detectedOnce(project));
            GateResult result = new DroolsGatePolicy().evaluate(request(resolved, project));
            title = "Quality gate (" + resolved.wireName() + ")";
            blocking = result.blocking();
            criteria = result.criteria();
        }
        report(title, blocking, criteria);
        return blocking ? 1 : 0;
    }

    private static ProjectType parseType(String text) {
        try {
            return ProjectType.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "--project-type is '" + text + "'.",
                    "Use one of " + ProjectType.allowedNames() + ", or leave it out to detect it.");
        }
    }

    /** The evidence files alone, each with the dimensions it feeds. */
    private GateRequest request(ProjectType type, Path project) {
        List<Path> paths = evidence.stream().map(path -> project.resolve(path)).toList();
        Evidence all = Evidence.EMPTY;
        List<EvidenceSource> sources = new ArrayList<>();
        for (ParsedFile file : EvidenceReader.readAll(paths)) {
            EvidenceReported report = EvidenceReports.of(file);
            all = all.plus(report.evidence());
            sources.addAll(report.sources());
        }
        return new GateRequest(type, all, sources, List.of());
    }

    private void report(String title, boolean blocking, List<CriterionResult> criteria) {
        PrintWriter out = spec.commandLine().getOut();
        String markdown = GateReport.markdown(title, blocking, criteria);
        String summaryFile = System.getenv(STEP_SUMMARY);
        if (ci && summaryFile != null && !summaryFile.isBlank()) {
            try {
                Files.writeString(Path.of(summaryFile), markdown + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to " + STEP_SUMMARY + " " + summaryFile, e);
            }
        } else {
            out.print(markdown);
        }
        if (ci) {
            GateReport.annotations(criteria).forEach(out::println);
        }
        out.flush();
    }
}
