package dev.pce.engine.learning;

import dev.pce.engine.Cancellation;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.event.Event;
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

    private final WorkflowService workflows;
    private final PatternStore store;
    private final KnowledgeStore knowledge;
    private final Optional<? extends LearnedRulesSink> rules;
    private final ThresholdBounds bounds;
    private final Clock clock;

    /**
     * @param knowledge where the pattern notes are written, when it opens (without it, patterns are still learned)
     * @param rules     the learned rules the store's patterns are rewritten into after each learning; empty: none
     */
    public WorkflowLearner(WorkflowService workflows, KnowledgeStore knowledge,
                           Optional<? extends LearnedRulesSink> rules, Clock clock) {
        this(workflows, knowledge, rules, ThresholdBounds.NONE, clock);
    }

    /** @param bounds what bounds learned gate thresholds: the maintainer's bands and the gate rules' thresholds */
    public WorkflowLearner(WorkflowService workflows, KnowledgeStore knowledge,
                           Optional<? extends LearnedRulesSink> rules, ThresholdBounds bounds, Clock clock) {
        this.workflows = workflows;
        this.store = PatternStore.inWorkspace(workflows.workspace().root());
        this.knowledge = knowledge;
        this.rules = rules;
        this.bounds = bounds;
        this.clock = clock;
    }

    /**
     * What learning from one workflow found and kept.
     *
     * @param rulesVersion     the learned-rules version now in force, when the patterns were rewritten into rules
     * @param rulesNotice      why no rules version could be made (the project's rules do not compile with them)
     * @param rejectedPatterns the stored patterns that could not become rules, each with why; the others are in force
     * @param unchanged        nothing new: the workflow taught nothing, or the same as when it was learned before;
     *                         nothing was stored, written or rewritten
     */
    public record Outcome(String workflowId, LearningReport report, List<Pattern> learned, long storeVersion,
                          List<Pattern> patterns, List<NoteRef> notes, Optional<Integer> rulesVersion,
                          Optional<String> rulesNotice, List<PatternRejection> rejectedPatterns, boolean unchanged) {
        public Outcome {
            rejectedPatterns = List.copyOf(rejectedPatterns);
        }
    }

    public Outcome learn(String workflowId) {
        return learn(workflowId, Cancellation.none());
    }

    /**
     * As {@link #learn(String)}, stopping between its steps when {@code cancellation} is cancelled before the
     * patterns are saved; saving them is the point of no return (the notes and rules follow from them). A workflow
     * learned before counts once: what it taught then is replaced by what it teaches now, and when that is the same,
     * nothing changes.
     *
     * @throws Cancellation.Cancelled when cancelled in time: nothing was stored
     */
    public Outcome learn(String workflowId, Cancellation cancellation) {
        LearningReport report = WorkflowLearning.report(workflowId, workflows.wholeLog(workflowId, cancellation));
        cancellation.check();
        boolean vaultOpen = knowledge.awaitOpen();
        String project = vaultOpen ? knowledge.project() : "project";
        List<Pattern> learned = LearnedPatterns.from(report, project, store.read().patterns(), bounds);
        cancellation.commit();
        PatternStore.Learned saved = store.learnFrom(workflowId, learned);
        PatternStore.Stored stored = saved.stored();
        if (saved.unchanged()) {
            return new Outcome(workflowId, report, learned, stored.version(), stored.patterns().patterns(), List.of(),
                    Optional.empty(), Optional.empty(), List.of(), true);
        }
        List<NoteRef> notes = new ArrayList<>();
        if (vaultOpen) {
            for (Pattern pattern : learned) {
                LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
                Pattern known = stored.patterns().get(pattern.key()).orElse(pattern);
                notes.add(knowledge.capture(PatternNotes.note(workflowId, pattern, known, stored.version(), now))
                        .note());
            }
        }
        RulesUpdate rulesUpdate = rewrite(stored); // the store changed: what it taught, or what it no longer teaches
        return new Outcome(workflowId, report, learned, stored.version(), stored.patterns().patterns(), notes,
                rulesUpdate.version(), rulesUpdate.notice(), rulesUpdate.rejectedPatterns(), false);
    }

    /**
     * What importing another project's patterns did.
     *
     * @param rulesVersion     the learned-rules version now in force, when something was imported
     * @param rulesNotice      why no rules version could be made
     * @param rejectedPatterns the stored patterns that could not become rules, each with why
     */
    public record Imported(String vault, List<Pattern> read, long storeVersion, List<Pattern> patterns,
                           Optional<Integer> rulesVersion, Optional<String> rulesNotice,
                           List<PatternRejection> rejectedPatterns) {
        public Imported {
            rejectedPatterns = List.copyOf(rejectedPatterns);
        }
    }

    /**
     * Imports the patterns of another project's vault, what that project knew (per key the project's pattern of its
     * newest note, {@link PatternNotes#read(java.util.Collection, String)}): marked with their origin and applied at
     * lower confidence until this project's own workflows confirm them; a pattern this project learned itself wins.
     * The store's patterns then become the learned rules, as after {@link #learn}.
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
        List<Pattern> read = PatternNotes.read(knowledge.notesOfType(vaultName, PatternNotes.TYPE), vaultName);
        PatternStore.Stored stored = store.importFrom(read);
        RulesUpdate rulesUpdate = read.isEmpty() ? RulesUpdate.NONE : rewrite(stored);
        return new Imported(vaultName, read, stored.version(), stored.patterns().patterns(), rulesUpdate.version(),
                rulesUpdate.notice(), rulesUpdate.rejectedPatterns());
    }

    /** What rewriting the store's patterns into rules gave. */
    private record RulesUpdate(Optional<Integer> version, Optional<String> notice,
                               List<PatternRejection> rejectedPatterns) {
        static final RulesUpdate NONE = new RulesUpdate(Optional.empty(), Optional.empty(), List.of());
    }

    /** The store's patterns, not only the newest: a version holds every learned rule. */
    private RulesUpdate rewrite(PatternStore.Stored stored) {
        if (rules.isEmpty()) {
            return RulesUpdate.NONE;
        }
        LearnedRulesSink.Outcome outcome = rules.get().learn(stored.patterns().patterns().stream()
                .map(this::withinBounds).toList());
        return new RulesUpdate(outcome.acceptedVersion(), outcome.rejection(), outcome.rejectedPatterns());
    }

    /** A learned threshold held within today's band: a maintainer who narrows the bounds is obeyed at once. */
    private Pattern withinBounds(Pattern pattern) {
        if (pattern instanceof Pattern.GateThreshold gate) {
            double held = bounds.band(gate.projectType(), gate.metric(), gate.threshold()).clamp(gate.threshold());
            return new Pattern.GateThreshold(gate.projectType(), gate.dimension(), gate.metric(), held,
                    gate.samples(), gate.confidence(), gate.workflows(), gate.origin());
        }
        return pattern;
    }

}
