package dev.pce.rules.authoring;

import dev.pce.rules.CompiledDrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.pce.rules.authoring.RuleRuns.rulesDeciding;
import static dev.pce.testing.LocalRuleFiles.docsRule;
import static dev.pce.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

class RuleReloaderTest {
    private static final Duration DEBOUNCE = Duration.ofMillis(100);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final RuleSets ruleSets = RuleRuns.freshRuleSets();
    private final BlockingQueue<Reload> reloads = new LinkedBlockingQueue<>();
    private RuleReloader reloader;

    @AfterEach
    void stop() {
        if (reloader != null) {
            reloader.close();
        }
    }

    private CompiledDrl dependencies() {
        return ruleSets.dependencies();
    }

    private void start() throws InterruptedException {
        reloader = RuleReloader.start(new LocalRules(dir), ruleSets, DEBOUNCE, reloads::add);
        assertThat(reloader.awaitWatching(WAIT)).isTrue();
    }

    private Reload nextReload() throws InterruptedException {
        Reload reload = reloads.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(reload).as("a reload within %s", WAIT).isNotNull();
        return reload;
    }

    @Test
    void theFirstBuildLayersTheLocalRulesAndAChangedFileIsSwappedIn() throws Exception {
        Path file = write(dir.resolve("docs.drl"), docsRule("docs-v1"));
        start();
        assertThat(dependencies().isReady()).as("nothing compiled before first use").isFalse();
        assertThat(rulesDeciding(dependencies())).containsExactly("docs-v1");
        KieBase first = dependencies().kieBase();

        write(file, docsRule("docs-v2"));

        assertThat(nextReload()).isInstanceOfSatisfying(Reload.Swapped.class, swapped -> {
            assertThat(swapped.files()).containsExactly(file);
            assertThat(swapped.ruleSets()).as("only the sets in use recompile").containsExactly("dependency rules");
        });
        assertThat(dependencies().kieBase()).isNotSameAs(first);
        assertThat(rulesDeciding(dependencies())).containsExactly("docs-v2");
        assertThat(ruleSets.gates().isReady()).as("the gates compile when first used").isFalse();
    }

    @Test
    void aBrokenChangeKeepsTheRulesInUseAndReportsFileAndLine() throws Exception {
        Path file = write(dir.resolve("docs.drl"), docsRule("docs-v1"));
        start();
        KieBase working = dependencies().kieBase();

        write(file, docsRule("docs-v2").replace("TaskFact($build", "NoSuchFact($build"));

        assertThat(nextReload()).isInstanceOfSatisfying(Reload.Kept.class, kept -> {
            assertThat(kept.problems()).extracting(DrlProblem::describe).as("the first, then what follows from it")
                    .startsWith(file + ":9:5: Unable to resolve ObjectType 'NoSuchFact'");
            assertThat(kept.describe()).contains("the rules in use stay as they were", file + ":9:5:");
        });
        assertThat(dependencies().kieBase()).isSameAs(working);
        assertThat(rulesDeciding(dependencies())).containsExactly("docs-v1");

        write(file, docsRule("docs-v3"));
        assertThat(nextReload()).isInstanceOf(Reload.Swapped.class);
        assertThat(rulesDeciding(dependencies())).containsExactly("docs-v3");
    }

    @Test
    void brokenFilesAtFirstUseLeaveTheBuiltInRulesAndAreReported() throws Exception {
        Path file = write(dir.resolve("docs.drl"), "package dev.pce.rules.dependency;\nrule \"x\" when then");
        start();

        assertThat(rulesDeciding(dependencies())).as("the built-in rules alone").isEmpty();
        assertThat(nextReload()).isInstanceOfSatisfying(Reload.Kept.class,
                kept -> assertThat(kept.problems()).extracting(DrlProblem::source).containsOnly(file.toString()));
    }

    @Test
    void filesInNewSubdirectoriesAndRemovedFilesAreSeen() throws Exception {
        start();
        assertThat(rulesDeciding(dependencies())).isEmpty();

        Path file = write(dir.resolve("team/docs.drl"), docsRule("docs-in-subdirectory"));
        assertThat(nextReload()).isInstanceOf(Reload.Swapped.class);
        assertThat(rulesDeciding(dependencies())).containsExactly("docs-in-subdirectory");

        Files.delete(file);
        assertThat(nextReload()).isInstanceOfSatisfying(Reload.Swapped.class,
                swapped -> assertThat(swapped.files()).isEmpty());
        assertThat(rulesDeciding(dependencies())).isEmpty();
    }

    @Test
    void otherFilesDoNotTriggerAReload() throws Exception {
        start();
        write(dir.resolve("notes.txt"), "not rules");
        write(dir.resolve(".docs.drl.swp"), "an editor's swap file");
        assertThat(reloads.poll(DEBOUNCE.toMillis() * 5, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void evaluationsDuringSwapsAllSucceed() throws Exception {
        write(dir.resolve("docs.drl"), docsRule("docs-v0"));
        start();
        assertThat(rulesDeciding(dependencies())).containsExactly("docs-v0");
        AtomicBoolean swapping = new AtomicBoolean(true);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> evaluations = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                evaluations.add(pool.submit(() -> {
                    int runs = 0;
                    while (swapping.get() || runs == 0) {
                        List<String> rules = rulesDeciding(dependencies());
                        assertThat(rules).singleElement().asString().startsWith("docs-v");
                        seen.add(rules.get(0));
                        runs++;
                    }
                    return runs;
                }));
            }
            for (int version = 1; version <= 3; version++) {
                write(dir.resolve("docs.drl"), docsRule("docs-v" + version));
                assertThat(reloader.reload()).isInstanceOf(Reload.Swapped.class);
            }
            swapping.set(false);
            for (Future<Integer> evaluation : evaluations) {
                assertThat(evaluation.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(seen).as("evaluations ran across the swaps").hasSizeGreaterThan(1);
        assertThat(rulesDeciding(dependencies())).containsExactly("docs-v3");
    }

    @Test
    void closingStopsWatchingAndKeepsTheRules() throws Exception {
        Path file = write(dir.resolve("docs.drl"), docsRule("docs-v1"));
        start();
        assertThat(rulesDeciding(dependencies())).containsExactly("docs-v1");

        reloader.close();
        write(file, docsRule("docs-v2"));

        assertThat(reloads.poll(DEBOUNCE.toMillis() * 5, TimeUnit.MILLISECONDS)).isNull();
        assertThat(rulesDeciding(dependencies())).containsExactly("docs-v1");
    }

    @Test
    void aProjectWithoutLocalRulesGetsNoReloader() {
        assertThat(RuleReloader.startForProject(dir)).isEmpty();
    }
}
