package dev.pce.engine.service;

import dev.pce.engine.Cancellation;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.EvidenceReported;
import dev.pce.engine.evidence.EvidenceIntake;
import dev.pce.engine.evidence.EvidenceIntake.FileRead;
import dev.pce.engine.evidence.EvidenceLocations;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.EvidenceSource;
import dev.pce.testing.MutableClock;
import dev.pce.engine.testing.Plans;
import dev.pce.engine.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.pce.engine.testing.Errors.thrown;
import static dev.pce.engine.testing.Plans.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * {@link WorkflowService#reportEvidenceFiles}: evidence files named by an agent, read from a real project on disk
 * and stored with the workflow, one report per file; paths that leave the project and the workspace are refused
 * with the messages the tools have always answered.
 */
class EvidenceFilesIntakeTest {
    private static final String SUREFIRE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuite name="dev.example.StoreTest" tests="3" failures="1" errors="0" skipped="0">
              <testcase name="saves" classname="dev.example.StoreTest"/>
              <testcase name="loads" classname="dev.example.StoreTest">
                <failure message="expected 2 but was 3">at dev.example.StoreTest.loads(StoreTest.java:12)</failure>
              </testcase>
              <testcase name="deletes" classname="dev.example.StoreTest"/>
            </testsuite>
            """;
    private static final String JACOCO = """
            <report name="store"><counter type="LINE" missed="20" covered="80"/></report>
            """;

    @TempDir
    Path root;

    private Path project;
    private Workspace workspace;
    private WorkflowService service;
    private EvidenceLocations scope;
    private String id;

    @BeforeEach
    void plan() throws IOException {
        project = Files.createDirectories(root.resolve("project"));
        workspace = Workspace.open(root.resolve("workspace"));
        service = new WorkflowService(workspace, MutableClock.standard());
        scope = new EvidenceLocations(project, workspace.root());
        id = service.plan("ship", Plans.of(task("build")), "planner").workflowId();
    }

    @AfterEach
    void close() {
        service.close();
    }

    @Test
    void filesAndDirectoriesOfTheProjectAreReadAndStoredOneReportPerFile() throws IOException {
        Path junit = write("target/surefire-reports/TEST-dev.example.StoreTest.xml", SUREFIRE);
        write("target/surefire-reports/dev.example.StoreTest.txt", "Tests run: 3");
        Path jacoco = write("target/site/jacoco/jacoco.xml", JACOCO);
        Path cut = write("reports/TEST-cut.xml", "<testsuite name=\"x\"><testcase name=\"t\">");

        EvidenceIntake intake = service.reportEvidenceFiles(id, List.of("target/surefire-reports",
                "target/site/jacoco/jacoco.xml", "reports/TEST-cut.xml"), scope, "evidence", "ci", Cancellation.none());

        assertThat(intake.files()).extracting(FileRead::file, FileRead::dimensions, FileRead::measurements,
                FileRead::findings).containsExactly(
                        tuple(real(junit), List.of("tests"), 5, 1),
                        tuple(real(jacoco), List.of("coverage"), 1, 0),
                        tuple(real(cut), List.of("tests"), 0, 0));
        assertThat(intake.files()).extracting(FileRead::problem).first().isEqualTo(Optional.empty());
        assertThat(intake.files().getLast().problem()).hasValueSatisfying(problem ->
                assertThat(problem).startsWith("as JUnit XML: ").contains("Fix: "));
        assertThat(intake.sources()).containsExactly(new EvidenceSource(real(junit), Set.of(Dimension.TESTS)),
                new EvidenceSource(real(jacoco), Set.of(Dimension.COVERAGE)),
                new EvidenceSource(real(cut), Set.of(Dimension.TESTS)));
        assertThat(storedReports()).isEqualTo(intake.reports());
        assertThat(storedReports()).extracting(EvidenceReported::key)
                .containsExactly(real(junit), real(jacoco), real(cut));
    }

    @Test
    void aFileOfTheWorkspaceIsReadToo() throws IOException {
        Path report = Files.writeString(Files.createDirectories(workspace.root().resolve("ci")).resolve("jacoco.xml"),
                JACOCO);

        EvidenceIntake intake = service.reportEvidenceFiles(id, List.of(report.toString()), scope, "files", "ci",
                Cancellation.none());

        assertThat(intake.files()).singleElement().extracting(FileRead::dimensions).isEqualTo(List.of("coverage"));
        assertThat(storedReports()).hasSize(1);
    }

    @Test
    void aPathOutsideTheProjectAndTheWorkspaceIsRefusedAsBeforeAndNothingIsRead() throws IOException {
        write("target/surefire-reports/TEST-a.xml", SUREFIRE);
        Files.writeString(Files.createDirectories(root.resolve("elsewhere")).resolve("TEST-secret.xml"), SUREFIRE);

        CeException outside = thrown(ErrorCode.INVALID_ARGUMENT, () -> service.reportEvidenceFiles(id,
                List.of("target/surefire-reports", "../elsewhere/TEST-secret.xml"), scope, "evidence", "ci",
                Cancellation.none()));

        assertThat(outside.getMessage()).isEqualTo("evidence[1] '../elsewhere/TEST-secret.xml' leads outside the "
                + "project and the workspace; it was not read.");
        assertThat(outside.fix()).isEqualTo("Give evidence files inside " + project + " or the workspace "
                + workspace.root() + ", not links that lead out of them.");
        assertThat(storedReports()).as("the good path before it is not read either").isEmpty();
    }

    @Test
    void aLinkNamedDirectlyThatLeadsOutsideIsRefusedNamedAsGiven() throws IOException {
        Path secret = Files.writeString(Files.createDirectories(root.resolve("elsewhere")).resolve("TEST-s.xml"),
                SUREFIRE);
        Files.createSymbolicLink(project.resolve("report.xml"), secret);

        CeException linked = thrown(ErrorCode.INVALID_ARGUMENT, () -> service.reportEvidenceFiles(id,
                List.of("report.xml"), scope, "files", "agent-1", Cancellation.none()));

        assertThat(linked.getMessage()).isEqualTo("files[0] 'report.xml' leads outside the project and the "
                + "workspace; it was not read.").doesNotContain(secret.toString());
        assertThat(storedReports()).isEmpty();
    }

    @Test
    void aMissingPathIsRefusedWithWhereItWasLookedFor() {
        CeException missing = thrown(ErrorCode.INVALID_ARGUMENT, () -> service.reportEvidenceFiles(id,
                List.of("no/such/dir"), scope, "evidence", "ci", Cancellation.none()));

        assertThat(missing.getMessage()).isEqualTo("evidence[0] 'no/such/dir' does not exist (looked at "
                + project.resolve("no/such/dir") + ").");
        assertThat(missing.fix()).isEqualTo("Give the path of an evidence file or directory after the tool that "
                + "writes it has run, relative to " + project + ".");
    }

    @Test
    void aLinkInAWalkedDirectoryThatLeadsOutsideIsStoredAsAProblemUnread() throws IOException {
        Path secret = Files.writeString(Files.createDirectories(root.resolve("elsewhere")).resolve("TEST-s.xml"),
                SUREFIRE);
        Path reports = Files.createDirectories(project.resolve("target/surefire-reports"));
        Files.createSymbolicLink(reports.resolve("TEST-escape.xml"), secret);
        String found = reports.toRealPath().resolve("TEST-escape.xml").toString();

        EvidenceIntake intake = service.reportEvidenceFiles(id, List.of("target/surefire-reports"), scope,
                "evidence", "ci", Cancellation.none());

        assertThat(intake.files()).singleElement().satisfies(file -> {
            assertThat(file.file()).isEqualTo(found);
            assertThat(file.dimensions()).containsExactly("tests");
            assertThat(file.measurements()).isZero();
            assertThat(file.problem()).hasValue("is a link that leads outside the project " + project
                    + " and the workspace " + workspace.root() + "; it was not read. Fix: copy the report into the "
                    + "project instead of linking to it.");
        });
        assertThat(storedReports()).singleElement().satisfies(report ->
                assertThat(report.problems()).singleElement().satisfies(problem ->
                        assertThat(problem.message()).doesNotContain(secret.toString())));
    }

    @Test
    void cancelledBeforeTheFirstReportIsStoredNothingIs() throws IOException {
        write("target/surefire-reports/TEST-a.xml", SUREFIRE);
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();

        assertThatThrownBy(() -> service.reportEvidenceFiles(id, List.of("target/surefire-reports"), scope,
                "evidence", "ci", cancellation)).isInstanceOf(Cancellation.Cancelled.class);

        assertThat(storedReports()).isEmpty();
    }

    private List<EvidenceReported> storedReports() {
        return service.events(new EventQuery(id, 0, Set.of(EvidenceReported.TYPE), Optional.empty(),
                Optional.empty(), 100)).events().stream().map(Event::payload)
                .map(EvidenceReported.class::cast).toList();
    }

    private Path write(String relative, String text) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static String real(Path file) throws IOException {
        return file.toRealPath().toString();
    }
}
