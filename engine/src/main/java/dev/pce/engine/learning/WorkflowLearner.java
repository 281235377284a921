package dev.pce.engine.learning;

import dev.pce.engine.Cancellation;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.event.Event;
import dev.pce.engine.knowledge.KnowledgeNote;
import dev.pce.engine.knowledge.KnowledgeStore;
import dev.pce.engine.knowledge.NoteRef;
import dev.pce.engine.service.EventQuery;
import dev.pce.engine.service.EventsPage;
import dev.pce.engine.service.WorkflowService;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The compound step after a workflow: its events become statistics (estimate accuracy, failures, gate failures,
 * conflicts, rework), the statistics become patterns merged into the workspace's pattern store, each pattern becomes
 * a note in the project's vault, so the next plans find it, and the store's patterns become the learned rules.
 */
public final class WorkflowLearner {
    private static final int PAGE = 1_000;

    private final WorkflowService workflows;
    private final PatternStore store;
    private final KnowledgeStore knowledge;
    private final Optional<? extends LearnedRulesSink> rules;
    private final Clock clock;

    /**
     * @param knowledge where the pattern notes are written, when it opens (without it, patterns are still learned)
     * @param rules     the learned rules the store's patterns are rewritten into after each learning; empty: none
     */
    public WorkflowLearner(WorkflowService workflows, KnowledgeStore knowledge,
                           Optional<? extends LearnedRulesSink> rules, Clock clock) {
        this.workflows = workflows;
        this.store = PatternStore.inWorkspace(workflows.workspace().root());
        this.knowledge = knowledge;
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
        boolean vaultOpen = knowledge.awaitOpen();
        String project = vaultOpen ? knowledge.project() : "project";
        List<Pattern> learned = LearnedPatterns.from(report, project, store.read().patterns());
        cancellation.commit();
        PatternStore.Stored stored = store.mergeLocal(learned);
        List<NoteRef> notes = new ArrayList<>();
        if (vaultOpen) {
            for (Pattern pattern : learned) {
                LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
                notes.add(knowledge.capture(PatternNotes.note(workflowId, pattern, now)).note());
            }
        }
        Optional<Integer> rulesVersion = Optional.empty();
        Optional<String> rulesNotice = Optional.empty();
        if (rules.isPresent() && !learned.isEmpty()) {
            // the store's patterns, not only this workflow's: a version holds every learned rule
            LearnedRulesSink.Outcome outcome = rules.get().learn(stored.patterns().patterns());
            rulesVersion = outcome.acceptedVersion();
            rulesNotice = outcome.rejection();
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
        if (!knowledge.awaitOpen()) {
            throw new CeException(ErrorCode.INTERNAL, "The vaults are not open, so no patterns can be imported.",
                    "See the server log for why.");
        }
        if (vaultName.equals(knowledge.project())) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "'" + vaultName + "' is this project's own vault.",
                    "Name another project's vault (one of " + knowledge.vaultNames() + "; set them with CE_VAULTS).");
        }
        List<Pattern> read = new ArrayList<>();
        for (KnowledgeNote note : knowledge.notesOfType(vaultName, PatternNotes.TYPE)) {
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
}
