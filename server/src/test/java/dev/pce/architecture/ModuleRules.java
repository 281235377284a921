package dev.pce.architecture;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The rules of PCE's module structure, for any table of modules (the real one, or a test's fixture). */
final class ModuleRules {

    private ModuleRules() {
    }

    /**
     * The module's packages form no cycle. Each package is a slice of its own, named by its full name, the module's
     * root package included: "(root..)" captures the whole package name. (A pattern "root.(**)" would leave the root
     * package out, and with it a cycle such as dev.pce.server → dev.pce.server.cli → dev.pce.server.)
     */
    static SliceRule noPackageCycles(MavenModule module) {
        return slices().matching("(" + module.packages() + ")").should().beFreeOfCycles()
                .as("the packages of module '" + module.name() + "' (" + module.packages() + ") form no cycle");
    }

    /** The module's classes use no class of a module it may not use: dependencies point down only. */
    static ArchRule usesOnlyTheModulesItMay(MavenModule module, List<MavenModule> modules) {
        String[] forbidden = modules.stream()
                .filter(other -> !other.equals(module) && !module.mayUse().contains(other.name()))
                .map(MavenModule::packages).toArray(String[]::new);
        String allowed = module.mayUse().isEmpty() ? "no other PCE module"
                : "no PCE module but " + String.join(", ", module.mayUse().stream().sorted().toList());
        return noClasses().that().resideInAPackage(module.packages())
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .as("module '" + module.name() + "' uses " + allowed);
    }

    /** Every class under {@code rootPackage} belongs to a module of the table, so none escapes the rules above. */
    static ArchRule everyClassBelongsToAModule(String rootPackage, List<MavenModule> modules) {
        return classes().that().resideInAPackage(rootPackage + "..")
                .should().resideInAnyPackage(modules.stream().map(MavenModule::packages).toArray(String[]::new))
                .as("every class under " + rootPackage + " lies in a module of the table ("
                        + String.join(", ", modules.stream().map(MavenModule::packages).toList()) + ")");
    }
}
