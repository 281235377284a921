package dev.pce.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of {@link ArchitectureTest} on small fixtures (test classes under {@code fixture}): each catches what it
 * is there to catch, with a message that names the classes, and passes what it should.
 */
class ModuleRulesTest {
    private static final String FIXTURE = "dev.pce.architecture.fixture";

    @Test
    void aCycleBetweenSiblingPackagesFailsNamingBothAndTheDependencies() {
        MavenModule siblings = new MavenModule("siblings", FIXTURE + ".siblings", Set.of());

        assertThatThrownBy(() -> ModuleRules.noPackageCycles(siblings).check(fixture("siblings")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the packages of module 'siblings' (" + FIXTURE + ".siblings..) form no cycle")
                .hasMessageContaining("Cycle detected: Slice " + FIXTURE + ".siblings.a -> ")
                .hasMessageContaining("Slice " + FIXTURE + ".siblings.b")
                .hasMessageContaining("<" + FIXTURE + ".siblings.a.A.partner()> calls constructor <" + FIXTURE
                        + ".siblings.b.B.<init>()>");
    }

    /** The shape of server's cycle: the root package uses a package below it, which points back at the root. */
    @Test
    void aCycleThroughTheModulesRootPackageFails() {
        MavenModule nested = new MavenModule("nested", FIXTURE + ".nested", Set.of());

        assertThatThrownBy(() -> ModuleRules.noPackageCycles(nested).check(fixture("nested")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected: Slice " + FIXTURE + ".nested -> ")
                .hasMessageContaining("Slice " + FIXTURE + ".nested.inner");
    }

    /** Why the rule captures "(root..)": a pattern "root.(**)" matches no class of the root package itself. */
    @Test
    void aSlicePatternBelowTheRootWouldMissThatCycle() {
        EvaluationResult belowTheRoot = slices().matching(FIXTURE + ".nested.(**)").should().beFreeOfCycles()
                .evaluate(fixture("nested"));

        assertThat(belowTheRoot.hasViolation()).isFalse();
    }

    @Test
    void packagesThatUseEachOtherOneWayOnlyPass() {
        MavenModule acyclic = new MavenModule("acyclic", FIXTURE + ".acyclic", Set.of());

        ModuleRules.noPackageCycles(acyclic).check(fixture("acyclic"));
    }

    @Test
    void aModuleUsingOneItMayNotFailsNamingTheDependency() {
        List<MavenModule> modules = layers();

        assertThatThrownBy(() -> ModuleRules.usesOnlyTheModulesItMay(modules.getFirst(), modules)
                .check(fixture("layers")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("module 'low' uses no other PCE module")
                .hasMessageContaining("<" + FIXTURE + ".layers.low.Low.upward()> calls constructor <" + FIXTURE
                        + ".layers.high.High.<init>()>");
    }

    @Test
    void aModuleUsingOnlyTheOnesItMayPasses() {
        List<MavenModule> modules = layers();

        ModuleRules.usesOnlyTheModulesItMay(modules.get(1), modules).check(fixture("layers"));
    }

    @Test
    void aClassOutsideEveryModuleOfTheTableFails() {
        assertThatThrownBy(() -> ModuleRules.everyClassBelongsToAModule(FIXTURE + ".layers", layers())
                .check(fixture("layers")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Class <" + FIXTURE + ".layers.stray.Stray> does not reside in any package");
    }

    /** low uses nothing; high may use low. */
    private static List<MavenModule> layers() {
        return List.of(new MavenModule("low", FIXTURE + ".layers.low", Set.of()),
                new MavenModule("high", FIXTURE + ".layers.high", Set.of("low")));
    }

    private static JavaClasses fixture(String name) {
        return new ClassFileImporter().importPackages(FIXTURE + "." + name);
    }
}
