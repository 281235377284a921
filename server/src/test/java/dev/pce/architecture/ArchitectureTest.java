package dev.pce.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PCE's module structure, checked on the main classes of every module: no package cycle inside a module, and module
 * dependencies that point down only (engine uses no PCE module; rules and pkm-index use the engine; nothing uses
 * server; testing, the tests' fixtures, uses none). It lives in the server's tests because their class path is the
 * one that holds every module's classes; the rules themselves are {@link ModuleRules}, tested in
 * {@link ModuleRulesTest}. A new module is one line in {@link #MODULES}.
 */
class ArchitectureTest {
    static final List<MavenModule> MODULES = List.of(
            new MavenModule("engine", "dev.pce.engine", Set.of()),
            new MavenModule("rules", "dev.pce.rules", Set.of("engine")),
            new MavenModule("pkm-index", "dev.pce.pkm", Set.of("engine")),
            new MavenModule("server", "dev.pce.server", Set.of("engine", "rules", "pkm-index")),
            new MavenModule("testing", "dev.pce.testing", Set.of()));

    private static JavaClasses classes;

    /** The main classes of every module, not the tests'. */
    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.pce");
    }

    @ParameterizedTest
    @FieldSource("MODULES")
    void everyModuleIsOnTheClassPathThatIsChecked(MavenModule module) {
        assertThat(classes.that(JavaClass.Predicates.resideInAPackage(module.packages())))
                .as("main classes of module %s", module).isNotEmpty();
    }

    @ParameterizedTest
    @FieldSource("MODULES")
    void packagesOfAModuleFormNoCycle(MavenModule module) {
        ModuleRules.noPackageCycles(module).check(classes);
    }

    @ParameterizedTest
    @FieldSource("MODULES")
    void aModuleUsesOnlyTheModulesBelowIt(MavenModule module) {
        ModuleRules.usesOnlyTheModulesItMay(module, MODULES).check(classes);
    }

    @Test
    void everyPceClassBelongsToAModuleOfTheTable() {
        ModuleRules.everyClassBelongsToAModule("dev.pce", MODULES).check(classes);
    }
}
