package dev.pce.server.learning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pce.engine.Cancellation;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.Json;
import dev.pce.engine.event.Event;
import dev.pce.engine.learning.LearnedPatterns;
import dev.pce.engine.learning.LearningReport;
import dev.pce.engine.learning.Pattern;
import dev.pce.engine.learning.PatternStore;
import dev.pce.engine.learning.WorkflowLearning;
import dev.pce.engine.service.EventQuery;
import dev.pce.engine.service.EventsPage;
import dev.pce.engine.service.WorkflowService;
import dev.pce.pkm.note.FrontMatter;
import dev.pce.rules.learned.LearnOutcome;
import dev.pce.rules.learned.LearnedRules;
import dev.pce.pkm.note.Note;
import dev.pce.pkm.note.NoteDate;
import dev.pce.server.knowledge.Learnings;
import dev.pce.server.knowledge.NoteRefs;
import dev.pce.server.knowledge.NoteRefs.NoteRef;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The compound step after a workflow: its events become statistics (estimate accuracy, failures, gate failures,
 * conflicts, rework), the statistics become patterns merged into the workspace's pattern store, and each pattern
 * becomes a note in the project's vault, so the next plans find it.
 */
public final class WorkflowLearner {
    private static final int PAGE = 1_000;

    private final WorkflowService workflows;
    private final PatternStore store;
    private final Supplier<Optional<Learnings>> vault;
    private final Optional<LearnedRules> rules;
    private final Clock clock;

    /**
     * @param vault the project's vault, when one is open (the pattern notes are written there)
     * @param rules the learned rules the store's patterns are rewritten into after each learning; empty: none
     */
    public WorkflowLearner(WorkflowService workflows, Supplier<Optional<Learnings>> vault,
                           Optional<LearnedRules> rules, Clock clock) {
        this.workflows = workflows;
        this.store = PatternStore.inWorkspace(workflows.workspace().root());
        this.vault = vault;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * What learning from one workflow found and kept.
     *
     * @param rulesVersion the learned-rules version now in force, when the patterns were rewritten into rules
     * @param rulesNotice  why the patterns did not become rules (a rejected slot, a compile error), if so
     */
    public record Outcome(String workflowId, LearningReport report, List<Pattern> learned, long storeVersion,
                          List<Pattern> patterns, List<NoteRef> notes, Optional<Integer> rulesVersion,
                          Optional<String> rulesNotice) {
    }

    public Outcome learn(String workflowId) {
        return learn(workflowId, Cancellation.none());
    }

    /**
     * As {@link #learn(String)}, stopping between its steps when {@code cancellation} is cancelled before the
     * patterns are saved; saving them is the point of no return (the notes and rules follow from them).
     *
     * @throws Cancellation.Cancelled when cancelled in time: nothing was stored
     */
    public Outcome learn(String workflowId, Cancellation cancellation) {
        LearningReport report = WorkflowLearning.report(workflowId, events(workflowId, cancellation));
        cancellation.check();
        String project = vault.get().map(Learnings::ownName).orElse("project");
        List<Pattern> learned = LearnedPatterns.from(report, project, store.read().patterns());
        cancellation.commit();
        PatternStore.Stored stored = store.mergeLocal(learned);
        List<NoteRef> notes = new ArrayList<>();
        vault.get().ifPresent(open -> learned.forEach(pattern -> notes.add(note(open, workflowId, pattern))));
        Optional<Integer> rulesVersion = Optional.empty();
        Optional<String> rulesNotice = Optional.empty();
        if (rules.isPresent() && !learned.isEmpty()) {
            // the store's patterns, not only this workflow's: a version holds every learned rule
            switch (rules.get().learn(stored.patterns().patterns())) {
                case LearnOutcome.Accepted accepted -> rulesVersion = Optional.of(accepted.version().version());
                case LearnOutcome.Rejected rejected -> rulesNotice = Optional.of(rejected.describe());
            }
        }
        return new Outcome(workflowId, report, learned, stored.version(), stored.patterns().patterns(), notes,
                rulesVersion, rulesNotice);
    }

    /** What importing another project's patterns did. */
    public record Imported(String vault, List<Pattern> read, long storeVersion, List<Pattern> patterns) {
    }

    /**
     * Imports the pattern notes of another project's vault: marked with their origin and applied at lower
     * confidence until this project's own workflows confirm them; a pattern this project learned itself wins.
     */
    public Imported importFrom(String vaultName) {
        Learnings open = vault.get().orElseThrow(() -> new CeException(ErrorCode.INTERNAL,
                "The vaults are not open, so no patterns can be imported.", "See the server log for why."));
        if (vaultName.equals(open.ownName())) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "'" + vaultName + "' is this project's own vault.",
                    "Name another project's vault (one of " + open.vaultNames() + "; set them with CE_VAULTS).");
        }
        List<Pattern> read = new ArrayList<>();
        for (Note note : open.notesOfType(vaultName, "pattern")) {
            PatternNotes.read(note, vaultName).ifPresent(read::add);
        }
        PatternStore.Stored stored = store.importFrom(read);
        return new Imported(vaultName, read, stored.version(), stored.patterns().patterns());
    }

    private List<Event> events(String workflowId, Cancellation cancellation) {
        List<Event> all = new ArrayList<>();
        long after = 0;
        while (true) {
            cancellation.check();
            EventsPage page = workflows.events(new EventQuery(workflowId, after, Set.of(), Optional.empty(),
                    Optional.empty(), PAGE));
            all.addAll(page.events());
            if (!page.hasMore()) {
                return all;
            }
            after = page.nextAfter();
        }
    }

    /** A pattern note: its statistics and evidence workflows in the front matter, a sentence in the body. */
    private NoteRef note(Learnings open, String workflowId, Pattern pattern) {
        ArrayNode evidence = Json.mapper().createArrayNode();
        pattern.workflows().forEach(evidence::add);
        FrontMatter.Builder fm = FrontMatter.builder().title(pattern.summary()).type("pattern").status("learned")
                .project(open.ownName()).tag("learned").tag(pattern.key().substring(0, pattern.key().indexOf(':')))
                .extra("pattern", TextNode.valueOf(pattern.key()))
                .extra("samples", IntNode.valueOf(pattern.samples()))
                .extra("confidence", DoubleNode.valueOf(round(pattern.confidence())))
                .extra("workflow", TextNode.valueOf(workflowId))
                .extra("evidence_workflows", evidence);
        if (pattern instanceof Pattern.EstimateBias bias) {
            fm.extra("factor", DoubleNode.valueOf(round(bias.factor())));
        }
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        fm.date(new NoteDate.Local(now));
        String body = "Learned from workflow " + workflowId + ": " + pattern.summary() + String.format(Locale.ROOT,
                " (%d samples, confidence %.2f).%n%nEvidence: %s.%n", pattern.samples(), pattern.confidence(),
                String.join(", ", pattern.workflows()));
        Learnings.Captured captured = open.captureNew(now, "patterns", fm.build(), body);
        return NoteRefs.ref(captured.vault(), open.ownName(), captured.note().id().value(), captured.note().path(),
                captured.note().title());
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
