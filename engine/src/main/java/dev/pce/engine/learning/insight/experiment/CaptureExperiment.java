package dev.pce.engine.learning.insight.experiment;

import dev.pce.engine.Cancellation;
import dev.pce.engine.event.Event;
import dev.pce.engine.learning.insight.AutomaticCapture;
import dev.pce.engine.learning.insight.InsightEvent;
import dev.pce.engine.learning.insight.InsightEvent.Kind;
import dev.pce.engine.learning.insight.InsightEvents;
import dev.pce.engine.learning.insight.InsightNote;
import dev.pce.engine.learning.insight.experiment.CaptureSchedule.PlannedWorkflow;
import dev.pce.engine.service.EventQuery;
import dev.pce.engine.service.EventsPage;
import dev.pce.engine.service.WorkflowService;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measures the share of insight events automatic capture writes a note for: seeded workflows with planted insight
 * events (failures, failing gates, escalations a person decides, overruns, the workflow's end) and routine ones
 * (resource conflicts, reviews the rules decide, gates that pass, leases that run out) run through the real engine
 * into a real vault, in four arms on the same schedule:
 *
 * <ul>
 *   <li>automatic capture, as the server runs it;</li>
 *   <li>processes that crash: the capture stops before some appends, the process dies after them, and the next one
 *       starts without catching up ("crashes, no catch-up");</li>
 *   <li>the same, then one more start with the start-up catch-up the server runs ("crashes, then the catch-up");</li>
 *   <li>automatic capture off (the ablation): what agents capture by hand, none here.</li>
 * </ul>
 *
 * The share is counted from the notes' files: a planted event counts as captured when a note's
 * {@code insight_events} lists it.
 */
public final class CaptureExperiment {
    /** When the experiment's workflows begin: a fixed time, so every run dates its notes alike. */
    private static final Instant START = Instant.parse("2026-12-07T09:00:00Z");
    private static final Duration IDLE_WAIT = Duration.ofMinutes(2);
    private static final double CRASH_CHANCE = 0.5;
    private static final int MAX_LOST_APPENDS = 8;
    private static final int MAX_EXAMPLES = 10;

    private CaptureExperiment() {
    }

    /** The arms, on the same schedule. */
    public enum Arm {
        AUTOMATIC("automatic capture"),
        CRASHED("crashes, no catch-up"),
        CAUGHT_UP("crashes, then the catch-up"),
        OFF("automatic capture off");

        private final String label;

        Arm(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One kind's planted events and how many of them a note lists. */
    public record KindShare(Kind kind, int planted, int captured) {
        public double share() {
            return planted == 0 ? Double.NaN : (double) captured / planted;
        }
    }

    /**
     * One arm's count.
     *
     * @param duplicates   notes beyond the first for one insight of one workflow (two notes, one key)
     * @param notes        the automatic notes in the vault
     * @param strayNotes   notes that list no planted insight event
     * @param routineNoted routine events a note lists
     * @param crashes      processes that died with appends their capture never saw (crash arms)
     * @param lostAppends  appends made after the capture stopped
     */
    public record ArmResult(Arm arm, List<KindShare> kinds, int duplicates, int notes, int strayNotes,
                            int routineNoted, int crashes, int lostAppends) {
        public ArmResult {
            kinds = List.copyOf(kinds);
        }

        public int planted() {
            return kinds.stream().mapToInt(KindShare::planted).sum();
        }

        public int captured() {
            return kinds.stream().mapToInt(KindShare::captured).sum();
        }

        public double share() {
            return planted() == 0 ? Double.NaN : (double) captured() / planted();
        }

        /** Notes that stand for a planted insight over all notes (1 when there are none). */
        public double precision() {
            return notes == 0 ? 1 : (double) (notes - strayNotes) / notes;
        }
    }

    /**
     * The planted events checked against what {@link InsightEvents} finds in the same logs.
     *
     * @param both        found by both
     * @param plantedOnly planted, not found
     * @param foundOnly   found, not planted
     * @param examples    the first differences, as {@code workflow: kind@seq (planted only|found only)}
     */
    public record CrossCheck(int both, int plantedOnly, int foundOnly, List<String> examples) {
        public CrossCheck {
            examples = List.copyOf(examples);
        }

        public boolean agrees() {
            return plantedOnly == 0 && foundOnly == 0;
        }
    }

    /**
     * @param missed    planted events the log lacks (the engine did not do what was planted), per kind; 0 normally
     * @param unplanned insight events in the logs that nothing planted; 0 normally
     * @param routine   the routine events in the logs, by what they were
     */
    public record Result(long seed, int workflows, int completed, List<ArmResult> arms, CrossCheck check,
                         Map<Kind, Integer> missed, int unplanned, Map<String, Integer> routine) {
        public Result {
            arms = List.copyOf(arms);
            missed = Collections.unmodifiableMap(new TreeMap<>(missed)); // printed in a fixed order
            routine = Collections.unmodifiableMap(new TreeMap<>(routine));
        }

        public ArmResult arm(Arm arm) {
            return arms.stream().filter(result -> result.arm() == arm).findFirst().orElseThrow();
        }
    }

    /**
     * Runs {@code workflows} workflows drawn from {@code seed} in each arm, each arm on a workspace of its own under
     * {@code dir}, its processes started by {@code processes}.
     */
    public static Result run(long seed, int workflows, Path dir, CaptureProcess.Factory processes) throws Exception {
        CaptureSchedule schedule = CaptureSchedule.draw(seed, workflows);
        List<ArmResult> arms = new ArrayList<>();
        Truth truth;
        CrossCheck check;
        try (Run automatic = new Run(processes, dir.resolve("automatic"), true, Optional.empty())) {
            truth = automatic.drive(schedule);
            arms.add(automatic.count(Arm.AUTOMATIC, truth));
            check = crossCheck(automatic.process.workflows(), truth);
        }
        try (Run crashing = new Run(processes, dir.resolve("crashes"), true,
                Optional.of(new Crashes(new Random(seed), truth.steps())))) {
            Truth crashed = crashing.drive(schedule);
            arms.add(crashing.count(Arm.CRASHED, crashed));
            crashing.restart(true);
            arms.add(crashing.count(Arm.CAUGHT_UP, crashed));
        }
        try (Run off = new Run(processes, dir.resolve("off"), false, Optional.empty())) {
            arms.add(off.count(Arm.OFF, off.drive(schedule)));
        }
        Map<Kind, Integer> missed = new EnumMap<>(Kind.class);
        Map<String, Integer> routine = new TreeMap<>();
        int unplanned = 0;
        int completed = 0;
        for (PlantedEvents planted : truth.workflows()) {
            planted.missed().forEach((kind, count) -> missed.merge(kind, count, Integer::sum));
            planted.routine().values().forEach(what -> routine.merge(what, 1, Integer::sum));
            unplanned += planted.unplanned().size();
        }
        for (PlannedWorkflow workflow : schedule.workflows()) {
            completed += workflow.fails() ? 0 : 1;
        }
        return new Result(seed, workflows, completed, arms, check, missed, unplanned, routine);
    }

    /** What was planted in every workflow of one arm, and how many calls that may append each took. */
    record Truth(List<PlantedEvents> workflows, List<Integer> steps) {
    }

    /**
     * When the crash arm's processes die: in a share of the workflows, at a step drawn evenly from the workflow's
     * steps (as many as the automatic arm took: the driver does the same calls), after some appends their capture
     * never sees.
     */
    private record Crashes(Random random, List<Integer> steps) {
    }

    private static CrossCheck crossCheck(WorkflowService workflows, Truth truth) {
        int both = 0;
        int plantedOnly = 0;
        int foundOnly = 0;
        List<String> examples = new ArrayList<>();
        for (PlantedEvents planted : truth.workflows()) {
            Set<String> found = new HashSet<>();
            for (InsightEvent event : InsightEvents.of(planted.workflowId(), workflows.wholeLog(planted.workflowId(), Cancellation.none()))) {
                found.add(InsightNote.eventName(event));
            }
            Set<String> names = planted.names();
            for (String name : names) {
                if (found.contains(name)) {
                    both++;
                } else {
                    plantedOnly++;
                    example(examples, planted.workflowId() + ": " + name + " (planted only)");
                }
            }
            for (String name : found) {
                if (!names.contains(name)) {
                    foundOnly++;
                    example(examples, planted.workflowId() + ": " + name + " (found only)");
                }
            }
        }
        return new CrossCheck(both, plantedOnly, foundOnly, examples);
    }

    private static void example(List<String> examples, String difference) {
        if (examples.size() < MAX_EXAMPLES) {
            examples.add(difference);
        }
    }


    /**
     * One arm's run: its workspace, its clock, the process now running and its automatic capture; for the crash
     * arms, when the next crash comes.
     */
    private static final class Run implements WorkflowDriver.Engine, AutoCloseable {
        private final CaptureProcess.Factory processes;
        private final Path dir;
        private final boolean automatic;
        private final Optional<Crashes> crashes;
        private final ExperimentClock clock = new ExperimentClock(START);
        private CaptureProcess process;
        private Optional<AutomaticCapture> capture = Optional.empty();
        /** Steps until the capture stops in this workflow; negative: no crash coming. */
        private int untilCrash = -1;
        /** Appends left before the process whose capture stopped dies; negative: it has not stopped. */
        private int untilDeath = -1;
        /** Appends the next crash loses: made after its capture stopped, before its process dies. */
        private int lostAppendsOfNextCrash;
        private int crashCount;
        private int stepsTaken;
        private int lostAppends;

        Run(CaptureProcess.Factory processes, Path dir, boolean automatic, Optional<Crashes> crashes) {
            this.processes = processes;
            this.dir = dir;
            this.automatic = automatic;
            this.crashes = crashes;
            start(false);
        }

        Truth drive(CaptureSchedule schedule) {
            List<PlantedEvents> planted = new ArrayList<>();
            List<Integer> steps = new ArrayList<>();
            for (PlannedWorkflow workflow : schedule.workflows()) {
                crashes.ifPresent(plan -> {
                    Random random = plan.random();
                    boolean crash = random.nextDouble() < CRASH_CHANCE;
                    untilCrash = crash ? 1 + random.nextInt(plan.steps().get(workflow.index() - 1)) : -1;
                    untilDeath = -1;
                    lostAppendsOfNextCrash = 1 + random.nextInt(MAX_LOST_APPENDS);
                });
                stepsTaken = 0;
                planted.add(new WorkflowDriver(this, clock, workflow).run());
                steps.add(stepsTaken);
                if (untilDeath >= 0) {
                    die(); // it died right after the workflow's last appends
                }
            }
            return new Truth(planted, steps);
        }

        @Override
        public CaptureProcess process() {
            return process;
        }

        @Override
        public void stepped() {
            stepsTaken++;
            if (untilDeath >= 0) {
                lostAppends++;
                if (untilDeath-- == 0) {
                    die();
                }
            } else if (untilCrash > 0 && --untilCrash == 0) {
                capture.ifPresent(AutomaticCapture::close); // what it queued so far it finishes; then it is gone
                capture = Optional.empty();
                crashCount++;
                untilDeath = lostAppendsOfNextCrash - 1;
            }
        }

        /** The process whose capture stopped ends; the next starts without catching up. */
        private void die() {
            untilDeath = -1;
            restart(false);
        }

        /** Ends the process and starts another on the workspace, catching up first when {@code catchUp}. */
        void restart(boolean catchUp) {
            stop();
            start(catchUp);
        }

        private void start(boolean catchUp) {
            process = processes.start(dir, clock);
            if (automatic) {
                AutomaticCapture started = AutomaticCapture.start(process.workflows(), process.vault(),
                        ZoneOffset.UTC);
                capture = Optional.of(started);
                if (catchUp) {
                    started.catchUp();
                }
            }
        }

        /** Waits for the queued captures, then counts the notes in the vault's files against {@code truth}. */
        ArmResult count(Arm arm, Truth truth) throws InterruptedException {
            if (capture.isPresent() && !capture.get().awaitIdle(IDLE_WAIT)) {
                throw new IllegalStateException("The automatic capture of arm '" + arm.label() + "' did not finish "
                        + "within " + IDLE_WAIT.toSeconds() + " s");
            }
            CapturedNotes notes = CapturedNotes.read(process.vault(), process.vaultRoot());
            return tally(arm, truth, notes, crashCount, lostAppends);
        }

        private void stop() {
            capture.ifPresent(AutomaticCapture::close);
            capture = Optional.empty();
            try {
                process.close();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot close the experiment's process on " + dir, e);
            }
        }

        @Override
        public void close() {
            stop();
        }
    }

    static ArmResult tally(Arm arm, Truth truth, CapturedNotes notes, int crashes, int lostAppends) {
        Map<String, Set<String>> listed = new HashMap<>(); // workflow -> event names some note lists
        Map<String, Integer> notesPerKey = new HashMap<>();
        for (CapturedNotes.Captured note : notes.notes()) {
            listed.computeIfAbsent(note.workflowId(), id -> new HashSet<>()).addAll(note.events());
            notesPerKey.merge(note.workflowId() + "\n" + note.key(), 1, Integer::sum);
        }
        Map<Kind, int[]> counts = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            counts.put(kind, new int[2]);
        }
        int routineNoted = 0;
        Map<String, Set<String>> plantedNames = new HashMap<>();
        for (PlantedEvents planted : truth.workflows()) {
            Set<String> inNotes = listed.getOrDefault(planted.workflowId(), Set.of());
            plantedNames.put(planted.workflowId(), planted.names());
            planted.insights().forEach(insight -> {
                counts.get(insight.kind())[0]++;
                if (inNotes.contains(insight.name())) {
                    counts.get(insight.kind())[1]++;
                }
            });
            Set<Long> notedSeqs = new HashSet<>();
            inNotes.forEach(name -> notedSeqs.add(Long.parseLong(name.substring(name.indexOf('@') + 1))));
            routineNoted += (int) planted.routine().keySet().stream().filter(notedSeqs::contains).count();
        }
        int stray = 0;
        for (CapturedNotes.Captured note : notes.notes()) {
            Set<String> names = plantedNames.getOrDefault(note.workflowId(), Set.of());
            if (note.events().stream().noneMatch(names::contains)) {
                stray++;
            }
        }
        int duplicates = notesPerKey.values().stream().mapToInt(count -> count - 1).sum();
        List<KindShare> kinds = new ArrayList<>();
        counts.forEach((kind, count) -> kinds.add(new KindShare(kind, count[0], count[1])));
        return new ArmResult(arm, kinds, duplicates, notes.notes().size(), stray, routineNoted, crashes,
                lostAppends);
    }
}
