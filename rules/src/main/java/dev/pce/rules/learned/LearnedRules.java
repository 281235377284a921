package dev.pce.rules.learned;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.learning.LearnedRulesSink;
import dev.pce.engine.learning.Pattern;
import dev.pce.engine.learning.PatternRejection;
import dev.pce.rules.authoring.Compilation;
import dev.pce.rules.authoring.DrlProblem;
import dev.pce.rules.authoring.LayeredCompiler;
import dev.pce.rules.authoring.LocalRules;
import dev.pce.rules.authoring.RuleSets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Learned patterns as rules: rendered from templates, compiled with the built-in rules and the project's own rule
 * files before anything changes, stored as a new version, and swapped into the rule sets in one step. A version
 * that does not compile is rejected with the reasons and the current one stays. Rolling back re-validates an
 * earlier version's rules and stores them as a new version, so the history stays a line.
 *
 * <p>Learning and rolling back run one at a time in a process; across processes the store's atomic rename stops
 * two writers from claiming one version number.
 */
public final class LearnedRules implements LearnedRulesSink {
    private final LearnedRuleStore store;
    private final RuleSets ruleSets;
    private final Supplier<List<Path>> projectRuleFiles;
    private final LearnedTemplates templates;
    private final Clock clock;
    /** The version whose rules this process swapped in (or built at start); what decided a plan's learned decisions. */
    private final AtomicReference<Optional<LearnedVersion>> inForce = new AtomicReference<>(Optional.empty());

    /**
     * @param ruleSets         the rule sets to compile against and swap the new rules into
     * @param projectRuleFiles the project's own rule files, layered in with the learned ones (as the server does)
     */
    public LearnedRules(LearnedRuleStore store, RuleSets ruleSets, Supplier<List<Path>> projectRuleFiles,
                        LearnedTemplates templates, Clock clock) {
        this.store = store;
        this.ruleSets = ruleSets;
        this.projectRuleFiles = projectRuleFiles;
        this.templates = templates;
        this.clock = clock;
    }

    /**
     * The learned rules of a workspace as every process uses them: the built-in rule sets, the project's own rules
     * of {@code project} layered in, the built-in templates.
     */
    public static LearnedRules forWorkspace(Path workspaceRoot, Path project) {
        return new LearnedRules(LearnedRuleStore.inWorkspace(workspaceRoot), RuleSets.builtIn(),
                LocalRules.ofProject(project)::drlFiles, LearnedTemplates.builtIn(), Clock.systemUTC());
    }

    public LearnedRuleStore store() {
        return store;
    }

    /**
     * Makes the current learned version part of each rule set's next build (in a process that just started, the
     * first), so that whoever waits for the rules waits for the learned ones too: a {@code ce_plan} right after start
     * is classified with them. Reads and compiles nothing now; a workspace that never learned keeps the builds as
     * they are.
     */
    public void joinNextBuilds() {
        if (!Files.isDirectory(store.directory())) {
            return;
        }
        // the dependency rules decide plans, so their build says which version is in force
        ruleSets.all().forEach(ruleSet -> ruleSet.compileWith(new LearnedBuild(ruleSet, ruleSets, projectRuleFiles,
                store, ruleSet == ruleSets.dependencies() ? inForce::set : built -> { })));
    }

    /**
     * The learned version whose rules this process's rule sets hold: the one built at start or swapped in since by
     * learning, a rollback or an activation. Empty before any (the first build not done yet, or nothing learned), and
     * also when the start-up build had to leave the learned rules out. Another process's newer version is not in
     * force here until this process activates it.
     */
    public Optional<LearnedVersion> versionInForce() {
        return inForce.get();
    }

    /** Whether this workspace has learned rules at all (cheap: looks whether their directory exists). */
    public boolean hasLearned() {
        return Files.isDirectory(store.directory());
    }

    /** Every version, oldest first. */
    public List<LearnedVersion> history() {
        return store.versions();
    }

    /** The rule files of the current version, to layer over the built-in rules; none before anything is learned. */
    public List<Path> currentRuleFiles() {
        return store.currentRuleFiles();
    }

    /**
     * Makes {@code patterns} the learned rules, each judged on its own: a pattern with a value its slots do not
     * allow, or whose generated rule does not compile, is left out and reported, and the others become the new
     * version. Only what is no one pattern's fault (the project's rules do not compile with the learned ones), or no
     * pattern left at all, keeps the version in use as it is.
     */
    @Override
    public synchronized LearnOutcome learn(List<Pattern> patterns) {
        LearnedTemplates.Rendering rendering = templates.render(patterns);
        List<PatternRejection> rejected = new ArrayList<>(rejections(rendering.rejections()));
        List<LearnedRule> rules = new ArrayList<>(rendering.rules());
        while (!rules.isEmpty()) {
            switch (validateAndStore(rules)) {
                case LearnOutcome.Accepted accepted -> {
                    return new LearnOutcome.Accepted(accepted.version(), rejected);
                }
                case LearnOutcome.Rejected failed when failed.rejectedPatterns().isEmpty() -> {
                    return new LearnOutcome.Rejected(failed.reasons(), failed.current(), rejected);
                }
                case LearnOutcome.Rejected failed -> {
                    // generated rules that do not compile: leave their patterns out and try the others again
                    rejected.addAll(failed.rejectedPatterns());
                    Set<String> faulty = failed.rejectedPatterns().stream().map(PatternRejection::pattern)
                            .collect(Collectors.toSet());
                    if (!rules.removeIf(rule -> faulty.contains(rule.pattern().key()))) {
                        return new LearnOutcome.Rejected(failed.reasons(), failed.current(), rejected);
                    }
                }
            }
        }
        return new LearnOutcome.Rejected(List.of("none of the " + patterns.size() + " learned pattern(s) can become a"
                + " rule (see each pattern's reason)"), store.current(), rejected);
    }

    private LearnOutcome validateAndStore(List<LearnedRule> rules) {
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, String> patternOfFile = new LinkedHashMap<>();
        for (LearnedRule rule : rules) {
            files.put(rule.fileName(), rule.drl());
            patternOfFile.put(rule.fileName(), rule.pattern().key());
        }
        List<LearnedVersion.Entry> entries = rules.stream().map(LearnedVersion.Entry::of).toList();
        return validateAndStore(files, patternOfFile, entries, Optional.empty());
    }

    /** Rejections of slot values, one per pattern, its slots' reasons joined. */
    private static List<PatternRejection> rejections(List<SlotRejection> slots) {
        Map<String, List<String>> byPattern = new LinkedHashMap<>();
        slots.forEach(slot -> byPattern.computeIfAbsent(slot.pattern(), key -> new ArrayList<>()).add(slot.reason()));
        return byPattern.entrySet().stream()
                .map(entry -> new PatternRejection(entry.getKey(), String.join(" ", entry.getValue()))).toList();
    }

    /**
     * The patterns of {@code patterns} that cannot become rules, each with why, without compiling or storing
     * anything (for {@code ce doctor}).
     */
    public List<PatternRejection> check(List<Pattern> patterns) {
        return rejections(templates.render(patterns).rejections());
    }

    /**
     * Makes version {@code number}'s rules current again, as a new version, after compiling them with today's
     * built-in and project rules.
     *
     * @throws CeException {@code INVALID_ARGUMENT} when there is no such version
     */
    public synchronized LearnOutcome rollback(int number) {
        LearnedVersion target = store.version(number);
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, String> patternOfFile = new LinkedHashMap<>();
        List<Path> paths = store.ruleFiles(target);
        for (int i = 0; i < paths.size(); i++) {
            LearnedVersion.Entry entry = target.rules().get(i);
            files.put(entry.file(), read(paths.get(i)));
            patternOfFile.put(entry.file(), entry.pattern());
        }
        return validateAndStore(files, patternOfFile, target.rules(), Optional.of(number));
    }

    /**
     * Compiles the current version's rules with the built-in and project rules and swaps them in; for a process
     * that starts with a workspace that already learned.
     */
    public synchronized LearnOutcome activate() {
        Optional<LearnedVersion> current = store.current();
        if (current.isEmpty()) {
            return new LearnOutcome.Rejected(List.of("nothing was learned yet in " + store.directory()), current);
        }
        return switch (compile(store.ruleFiles(current.get()))) {
            case Compilation.Compiled compiled -> {
                swapIn(compiled);
                inForce.set(current);
                yield new LearnOutcome.Accepted(current.get());
            }
            case Compilation.Failed failed -> new LearnOutcome.Rejected(
                    failed.problems().stream().map(DrlProblem::describe).toList(), Optional.empty());
        };
    }

    private LearnOutcome validateAndStore(Map<String, String> files, Map<String, String> patternOfFile,
                                          List<LearnedVersion.Entry> entries, Optional<Integer> rollbackOf) {
        Optional<LearnedVersion> current = store.current();
        Path staging = store.stage(files);
        List<Path> staged = files.keySet().stream().map(staging::resolve).toList();
        Compilation compilation;
        try {
            compilation = compile(staged);
        } catch (RuntimeException e) {
            store.discard(staging);
            throw e;
        }
        if (compilation instanceof Compilation.Failed failed) {
            store.discard(staging);
            return rejected(failed.problems(), staging, patternOfFile, current);
        }
        int previous = current.map(LearnedVersion::version).orElse(0);
        LearnedVersion version = store.commit(staging, new LearnedVersion(previous + 1, clock.instant(), previous,
                rollbackOf, entries));
        // compiled from the staging paths; the rules are the same, only the paths in the KieBase differ
        swapIn((Compilation.Compiled) compilation);
        inForce.set(Optional.of(version));
        return new LearnOutcome.Accepted(version);
    }

    private Compilation compile(List<Path> learnedFiles) {
        List<Path> files = new ArrayList<>(projectRuleFiles.get());
        files.addAll(learnedFiles);
        return new LayeredCompiler(ruleSets).compile(files);
    }

    private static void swapIn(Compilation.Compiled compiled) {
        compiled.bases().forEach(base -> base.ruleSet().replace(base.kieBase()));
    }

    /**
     * Why a staged version did not compile: when every problem lies in generated rules, the patterns they came from
     * (each with its problems), so the others can be tried without them; else every problem as a reason.
     */
    private static LearnOutcome.Rejected rejected(List<DrlProblem> problems, Path staging,
                                                  Map<String, String> patternOfFile, Optional<LearnedVersion> current) {
        Map<String, List<String>> byPattern = new LinkedHashMap<>();
        List<String> reasons = new ArrayList<>();
        boolean projectAtFault = false;
        for (DrlProblem problem : problems) {
            Path source = Path.of(problem.source());
            if (source.startsWith(staging)) {
                String file = staging.relativize(source).toString();
                String pattern = patternOfFile.getOrDefault(file, "?");
                String why = "the generated rule does not compile: " + new DrlProblem(file, problem.line(),
                        problem.column(), problem.message()).describe() + " (its template or the built-in rules it "
                        + "relies on are at fault: report it with this message)";
                byPattern.computeIfAbsent(pattern, key -> new ArrayList<>()).add(why);
                reasons.add("pattern " + Slots.quote(pattern) + ": " + why);
            } else {
                projectAtFault = true;
                reasons.add("the project's rules do not compile with the learned ones: " + problem.describe()
                        + " (fix the project's rule file, then learn again)");
            }
        }
        List<PatternRejection> faulty = projectAtFault ? List.of() : byPattern.entrySet().stream()
                .map(entry -> new PatternRejection(entry.getKey(), String.join("; ", entry.getValue()))).toList();
        return new LearnOutcome.Rejected(reasons, current, faulty);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO, "Cannot read the learned rule file " + file + ": " + e.getMessage(),
                    "PCE wrote it with its version and never changes it; restore it from a backup.", e);
        }
    }
}
