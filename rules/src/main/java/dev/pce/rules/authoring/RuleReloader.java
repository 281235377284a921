package dev.pce.rules.authoring;

import dev.pce.engine.CeException;
import dev.pce.rules.CompiledDrl;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Layers a project's rule files over the built-in rule sets and keeps them current while a server runs.
 *
 * <p>From {@link #start} on, each rule set compiles with the local files when first used (at once if the local
 * files do not compile, with the built-in rules alone, and the problems reported). A thread watches the directory;
 * when a {@code .drl} below it changes and then nothing changes for the debounce time, it recompiles the sets
 * already in use and swaps them in, all or none: if any file has a problem, every set keeps the rules it has and
 * the problems are reported with file and line. A swap replaces one reference: an evaluation that already opened
 * its session finishes on the rules it started with, the next one gets the new rules, so no request fails.
 */
public final class RuleReloader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RuleReloader.class);
    /** Editors save in several steps (temporary file, rename): wait for a quiet moment before compiling. */
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(300);

    private final LocalRules local;
    /** Files layered over the local ones at every build: the learned rules' current version, read each time. */
    private final Supplier<List<Path>> layered;
    private final RuleSets ruleSets;
    private final LayeredCompiler compiler;
    private final Duration debounce;
    private final Consumer<Reload> listener;
    private final CountDownLatch watching = new CountDownLatch(1);
    private final Thread thread;
    private volatile WatchService watchService;
    private volatile boolean closed;

    private RuleReloader(LocalRules local, Supplier<List<Path>> layered, RuleSets ruleSets, Duration debounce,
                         Consumer<Reload> listener) {
        this.local = local;
        this.layered = layered;
        this.ruleSets = ruleSets;
        this.compiler = new LayeredCompiler(ruleSets);
        this.debounce = debounce;
        this.listener = listener;
        this.thread = Thread.ofPlatform().daemon().name("pce-rules-reload").unstarted(this::watch);
    }

    /**
     * Layers the rules of {@code local} over {@code ruleSets} and starts watching. Returns at once: it neither
     * reads nor compiles rules on this thread.
     *
     * @param listener told of every reload, and of local rules that fail their first compilation
     */
    public static RuleReloader start(LocalRules local, RuleSets ruleSets, Duration debounce,
                                     Consumer<Reload> listener) {
        return start(local, List::of, ruleSets, debounce, listener);
    }

    /**
     * As {@link #start(LocalRules, RuleSets, Duration, Consumer)}, with {@code layered} over the local files at
     * every build and reload: the current learned version's files, asked for each time, so a reload of the
     * project's rules keeps the learned rules in force. When the local files compile but not with the layered ones,
     * the layered ones are left out (and that is reported), as at start.
     */
    public static RuleReloader start(LocalRules local, Supplier<List<Path>> layered, RuleSets ruleSets,
                                     Duration debounce, Consumer<Reload> listener) {
        RuleReloader reloader = new RuleReloader(local, layered, ruleSets, debounce, listener);
        for (CompiledDrl ruleSet : ruleSets.all()) {
            reloader.layerLazily(ruleSet);
        }
        reloader.thread.start();
        return reloader;
    }

    /**
     * For a server: the project's {@code .ce/rules/} (see {@link LocalRules#ofProject}) over the process-wide
     * rule sets, with reloads logged; empty when the project has no such directory.
     */
    public static Optional<RuleReloader> startForProject(Path dir) {
        return startForProject(dir, List::of);
    }

    /**
     * As {@link #startForProject(Path)}, with the files of {@code learned} (the current learned version's, asked for
     * at every build) layered over the project's.
     */
    public static Optional<RuleReloader> startForProject(Path dir, Supplier<List<Path>> learned) {
        LocalRules local = LocalRules.ofProject(dir);
        if (!local.exists()) {
            return Optional.empty();
        }
        LOG.info("Local rules in {} are layered over the built-in rules and reloaded when they change",
                local.directory());
        return Optional.of(start(local, learned, RuleSets.builtIn(), DEFAULT_DEBOUNCE, RuleReloader::log));
    }

    /** Waits until the directory is watched, so that later changes are seen; false if the time ran out. */
    public boolean awaitWatching(Duration timeout) throws InterruptedException {
        return watching.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Recompiles the rule sets in use with the current files and swaps them in if everything compiles; the sets
     * not in use yet will compile with the current files when first used. Reloads run one at a time.
     */
    public synchronized Reload reload() {
        Reload outcome;
        try {
            List<Path> files = local.drlFiles();
            List<CompiledDrl> inUse = ruleSets.all().stream().filter(CompiledDrl::isReady).toList();
            outcome = switch (compileWithLayered(inUse, files)) {
                case Compilation.Compiled compiled -> {
                    compiled.bases().forEach(base -> base.ruleSet().replace(base.kieBase()));
                    ruleSets.all().stream().filter(set -> !inUse.contains(set)).forEach(this::layerLazily);
                    yield new Reload.Swapped(local.directory(), files,
                            inUse.stream().map(CompiledDrl::description).toList());
                }
                case Compilation.Failed failed -> new Reload.Kept(local.directory(), failed.problems());
            };
        } catch (CeException e) {
            outcome = unreadable(e);
        }
        listener.accept(outcome);
        return outcome;
    }

    /** Stops watching; the rules in use stay. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        closeWatchService();
    }

    private void layerLazily(CompiledDrl ruleSet) {
        ruleSet.compileWith(() -> firstBuild(ruleSet));
    }

    /**
     * {@code ruleSets} compiled with the local files and the layered ones over them; when that fails but the local
     * files compile alone, without the layered ones (logged); else the local files' problems.
     */
    private Compilation compileWithLayered(List<CompiledDrl> sets, List<Path> localFiles) {
        List<Path> over = layeredFiles();
        if (over.isEmpty()) {
            return compiler.compile(sets, localFiles);
        }
        List<Path> all = new ArrayList<>(localFiles);
        all.addAll(over);
        Compilation compilation = compiler.compile(sets, all);
        if (compilation instanceof Compilation.Failed failed) {
            LOG.warn("The rules under {} do not compile with the {} learned rule file(s); trying without them: {}",
                    local.directory(), over.size(), failed.problems());
            return compiler.compile(sets, localFiles);
        }
        return compilation;
    }

    private List<Path> layeredFiles() {
        try {
            return layered.get();
        } catch (CeException e) {
            LOG.warn("The rules under {} are built without the learned rules: {}", local.directory(), e.describe());
            return List.of();
        }
    }

    /** The set with the local files (and the layered ones), or, when they do not compile, the built-in rules alone. */
    private KieBase firstBuild(CompiledDrl ruleSet) {
        Reload.Kept problems;
        try {
            switch (compileWithLayered(List.of(ruleSet), local.drlFiles())) {
                case Compilation.Compiled compiled -> {
                    return compiled.kieBaseOf(ruleSet);
                }
                case Compilation.Failed failed -> problems = new Reload.Kept(local.directory(), failed.problems());
            }
        } catch (CeException e) {
            problems = unreadable(e);
        }
        listener.accept(problems);
        return switch (compiler.compile(List.of(ruleSet), List.of())) {
            case Compilation.Compiled builtIn -> builtIn.kieBaseOf(ruleSet);
            case Compilation.Failed failed -> throw new IllegalStateException("the built-in " + ruleSet.description()
                    + " do not compile: " + failed.problems());
        };
    }

    /** The directory could not be listed: a problem of the directory as a whole. */
    private Reload.Kept unreadable(CeException e) {
        return new Reload.Kept(local.directory(),
                List.of(new DrlProblem(local.directory().toString(), 0, 0, e.describe())));
    }

    private void watch() {
        try {
            watchService = FileSystems.getDefault().newWatchService();
            if (closed) {
                closeWatchService();
                return;
            }
            register(local.directory());
            watching.countDown();
            while (!closed) {
                boolean changed = changed(watchService.take());
                WatchKey more;
                while ((more = watchService.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    changed |= changed(more);
                }
                if (changed) {
                    reloadLogged();
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed
        } catch (IOException | RuntimeException e) {
            LOG.error("Stopped watching {} for rule changes; restart the server to pick up changes",
                    local.directory(), e);
        } finally {
            watching.countDown();
        }
    }

    private void reloadLogged() {
        try {
            reload();
        } catch (RuntimeException e) {
            if (!closed) { // closing interrupts a compilation under way, which is no failure
                LOG.error("Reloading the rules under {} failed; the rules in use stay", local.directory(), e);
            }
        }
    }

    /** Registers the directory and every directory below it. */
    private void register(Path dir) throws IOException {
        try (Stream<Path> dirs = Files.walk(dir)) {
            for (Path each : dirs.filter(Files::isDirectory).toList()) {
                each.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    /** Whether the key's events touch rule files; registers new directories on the way. */
    private boolean changed(WatchKey key) throws IOException {
        boolean changed = false;
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                changed = true;
                continue;
            }
            Path path = dir.resolve((Path) event.context());
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                register(path);
                changed = true;
            } else if (LocalRules.isDrl(path)) {
                changed = true;
            }
        }
        if (!key.reset() && dir.equals(local.directory())) {
            LOG.warn("{} was removed: the built-in rules apply from now on; restart the server to watch it again",
                    dir);
            changed = true;
        }
        return changed;
    }

    private void closeWatchService() {
        WatchService service = watchService;
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                LOG.debug("Closing the watch service of {} failed", local.directory(), e);
            }
        }
    }

    private static void log(Reload outcome) {
        switch (outcome) {
            case Reload.Swapped swapped -> LOG.info(swapped.describe());
            case Reload.Kept kept -> LOG.warn(kept.describe());
        }
    }
}
