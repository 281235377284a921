package dev.pce.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pce.engine.Cancellation;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.Json;
import dev.pce.engine.evidence.EvidenceIntake;
import dev.pce.engine.evidence.EvidenceLocations;
import dev.pce.engine.evidence.EvidenceScope;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.DimensionRequirement;
import dev.pce.engine.gate.GateRequest;
import dev.pce.engine.gate.GateResult;
import dev.pce.engine.gate.ProjectType;
import dev.pce.engine.service.GateOutcome;
import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.workspace.Workspace;
import dev.pce.server.quality.Annotations;
import dev.pce.server.quality.GateVerdict;
import dev.pce.server.quality.ProjectSettings;
import dev.pce.server.quality.RepoPaths;
import dev.pce.server.quality.StepSummary;
import dev.pce.server.wiring.CommandWiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code ce gate}: judges evidence files with the gate rules, for CI. With {@code --workflow} the workflow's gate
 * (its evidence is kept and remediation tasks are added, as {@code ce_gate} does); without, the files alone, where
 * {@code --dimension} judges chosen dimensions only (one CI job, one status check per dimension). With {@code --ci}
 * the verdict goes to the job's step summary and what blocks becomes annotations; {@code --json} prints it for
 * machines. Exits 1 when the judged criteria block.
 */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = "Judge evidence files (JUnit XML, JaCoCo/Cobertura/LCOV, SARIF) with the gate rules; exit 1 "
                + "when the gate blocks. --ci writes the verdict to $GITHUB_STEP_SUMMARY and annotations to stdout; "
                + "--json prints it as JSON; --dimension judges one dimension (repeatable).")
public final class GateCheckCommand implements Callable<Integer> {
    static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

    @Mixin
    WorkspaceOption workspaceOption = new WorkspaceOption();

    @Option(names = "--ci", description = "Write the verdict for GitHub Actions (step summary, annotations).")
    boolean ci;

    @Option(names = "--json", description = "Print the verdict as JSON (not with --ci).")
    boolean json;

    @Option(names = "--workflow", paramLabel = "ID", description = "Judge this workflow's gate (default: the files "
            + "alone).")
    Optional<String> workflowId;

    @Option(names = "--evidence", paramLabel = "PATH", arity = "1..*", required = true,
            description = "Evidence files or directories.")
    List<String> evidence = new ArrayList<>();

    @Option(names = "--project-type", paramLabel = "TYPE", description = "library, service, cli or web (default: "
            + "from the project's configuration, else detected from the repository).")
    Optional<String> projectType;

    @Option(names = "--dimension", paramLabel = "DIMENSION", split = ",",
            description = "Judge only this dimension, and require it (tests, coverage, lint, security, review, docs, "
                    + "performance); repeatable. Not with --workflow.")
    List<String> dimensions = new ArrayList<>();

    @Override
    public Integer call() {
        if (ci && json) {
            throw usage("--ci and --json both write to stdout.", "Use --ci in a GitHub Actions step and --json where a"
                    + " program reads the verdict; run ce gate twice for both.");
        }
        Set<Dimension> selection = selection();
        if (workflowId.isPresent() && !selection.isEmpty()) {
            throw usage("--dimension judges evidence files alone; a workflow's gate holds its later waves on every "
                    + "dimension.", "Leave out --workflow to judge one dimension as a CI check, or --dimension to "
                    + "judge the workflow's gate.");
        }
        ProjectSettings settings = ProjectSettings.of(Path.of("").toAbsolutePath());
        Optional<ProjectType> type = projectType.map(GateCheckCommand::parseType);
        GateVerdict verdict = workflowId.isPresent() ? workflowGate(settings, workflowId.get(), type)
                : filesGate(settings, type, selection);
        report(verdict);
        return verdict.blocking() ? 1 : 0;
    }

    /** The workflow's gate, judged as ce_gate judges it, on the evidence stored with it and these files. */
    private GateVerdict workflowGate(ProjectSettings settings, String id, Optional<ProjectType> type) {
        Workspace workspace = workspaceOption.open();
        try (WorkflowService workflows = CommandWiring.withGateRules(workspace, settings, System.getenv())) {
            EvidenceIntake intake = workflows.reportEvidenceFiles(id, evidence, new EvidenceLocations(settings.root(),
                    workspace.root()), "--evidence", "ci", Cancellation.none());
            GateOutcome outcome = workflows.evaluateGate(id, "ci", type);
            return GateVerdict.of(outcome.gate(), Optional.of(outcome.workflowId()), outcome.projectType(), Set.of(),
                    outcome.criteria(), intake.evidence(), intake.files(), new RepoPaths(settings.root()));
        }
    }

    /** The evidence files alone, each with the dimensions it feeds; the selection is required and judged. */
    private GateVerdict filesGate(ProjectSettings settings, Optional<ProjectType> type, Set<Dimension> selection) {
        ProjectType resolved = type.orElseGet(settings::projectType);
        // paths given on the command line are read where they lead: the person running it chose them
        EvidenceIntake intake = EvidenceIntake.read(evidence.stream().map(settings.root()::resolve).toList(),
                EvidenceScope.ANYWHERE, Cancellation.none());
        List<DimensionRequirement> required = new ArrayList<>(settings.requiredDimensions());
        selection.forEach(dimension -> required.add(new DimensionRequirement(dimension,
                "--dimension " + dimension.wireName())));
        GateResult result = CommandWiring.gateRules().evaluate(new GateRequest(resolved, intake.evidence(),
                intake.sources(), settings.thresholdAdjustments(), required));
        return GateVerdict.of(GateVerdict.FILES_GATE, Optional.empty(), resolved.wireName(), selection,
                result.criteria(), intake.evidence(), intake.files(), new RepoPaths(settings.root()));
    }

    private Set<Dimension> selection() {
        Set<Dimension> selected = EnumSet.noneOf(Dimension.class);
        for (String name : dimensions) {
            try {
                selected.add(Dimension.parse(name));
            } catch (IllegalArgumentException e) {
                throw usage("--dimension is '" + name + "'.", "Use one of tests, coverage, lint, security, review, "
                        + "docs, performance, or leave it out to judge them all.");
            }
        }
        return selected;
    }

    private static ProjectType parseType(String text) {
        try {
            return ProjectType.parse(text);
        } catch (IllegalArgumentException e) {
            throw usage("--project-type is '" + text + "'.", "Use one of " + ProjectType.allowedNames()
                    + ", or leave it out to take it from the configuration or detect it.");
        }
    }

    private static CeException usage(String message, String fix) {
        return new CeException(ErrorCode.INVALID_ARGUMENT, message, fix);
    }

    private void report(GateVerdict verdict) {
        PrintWriter out = workspaceOption.out();
        if (json) {
            try {
                out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(verdict));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            out.flush();
            return;
        }
        String markdown = StepSummary.markdown(verdict);
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
            Annotations.of(verdict).forEach(out::println);
        }
        out.flush();
    }
}
