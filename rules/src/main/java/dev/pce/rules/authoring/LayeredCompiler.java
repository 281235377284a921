package dev.pce.rules.authoring;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.rules.CompiledDrl;
import dev.pce.rules.DrlCompiler;
import dev.pce.rules.authoring.Compilation.LayeredBase;
import dev.pce.rules.authoring.Compilation.LocalRule;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compiles built-in rule sets layered with local rule files into one KieBase per set.
 *
 * <p>A local file joins the set whose built-in DRL declares the same {@code package}; any other package is an
 * error. Its rules are added to the set's; a local rule with a built-in rule's name replaces that rule (Drools
 * refuses two rules of one name in a package, so the built-in one is left out), which is how a project changes a
 * threshold or a classification. Two local rules of one name are an error. Functions, imports and types of the
 * built-in DRL are visible to the local rules of its package.
 *
 * <p>Thread-safe and stateless: every call reads the files and the built-in DRL afresh.
 */
public final class LayeredCompiler {
    private final RuleSets ruleSets;

    /** @param ruleSets every set local files may join (those of other sets are still checked) */
    public LayeredCompiler(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    /** Compiles every rule set with the local files that join it. */
    public Compilation compile(List<Path> localFiles) {
        return compile(ruleSets.all(), localFiles);
    }

    /**
     * Compiles the rule sets {@code which} with the local files that join them. Every file is parsed and checked,
     * also those that join sets not compiled now, so a problem anywhere fails the compilation.
     *
     * @throws CeException {@link ErrorCode#INTERNAL} if a built-in DRL cannot be read or parsed (a PCE defect)
     */
    public Compilation compile(List<CompiledDrl> which, List<Path> localFiles) {
        Map<String, BuiltIn> builtIns = parseBuiltIns();
        List<DrlProblem> problems = new ArrayList<>();
        List<LocalDrlFile> locals = new ArrayList<>();
        for (Path file : localFiles) {
            LocalDrlFile.read(file, problems).filter(local -> knownPackage(local, builtIns, problems))
                    .ifPresent(locals::add);
        }
        List<LocalRule> rules = localRules(locals, builtIns, problems);
        if (!problems.isEmpty()) {
            return new Compilation.Failed(localFiles, problems);
        }
        List<LayeredBase> bases = new ArrayList<>();
        for (CompiledDrl ruleSet : which) {
            BuiltIn builtIn = builtIns.values().stream().filter(b -> b.ruleSet() == ruleSet).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(ruleSet.description() + " are not layerable"));
            List<LocalDrlFile> joining = locals.stream()
                    .filter(local -> local.packageName().equals(builtIn.packageName())).toList();
            build(builtIn, joining, problems).ifPresent(bases::add);
        }
        return problems.isEmpty() ? new Compilation.Compiled(localFiles, bases, rules)
                : new Compilation.Failed(localFiles, problems);
    }

    /** The built-in DRLs by package, parsed afresh, since building mutates them. */
    private Map<String, BuiltIn> parseBuiltIns() {
        Map<String, BuiltIn> byPackage = new LinkedHashMap<>();
        for (CompiledDrl ruleSet : ruleSets.all()) {
            Resource resource = ruleSet.builtInDrl();
            DrlParser parser = new DrlParser();
            PackageDescr descr;
            try (Reader reader = resource.getReader()) {
                descr = parser.parse(resource, reader);
            } catch (IOException | DroolsParserException e) {
                throw new CeException(ErrorCode.INTERNAL, "Cannot read the built-in " + ruleSet.description()
                        + " (" + ruleSet.drl() + "): " + e.getMessage(), "This is a defect in PCE; rebuild it.", e);
            }
            if (parser.hasErrors() || descr == null) {
                throw new CeException(ErrorCode.INTERNAL, "The built-in " + ruleSet.description() + " ("
                        + ruleSet.drl() + ") do not parse: " + parser.getErrors(), "This is a defect in PCE.");
            }
            byPackage.put(descr.getName(), new BuiltIn(ruleSet, descr));
        }
        return byPackage;
    }

    private static boolean knownPackage(LocalDrlFile local, Map<String, BuiltIn> builtIns, List<DrlProblem> problems) {
        String name = local.packageName();
        if (builtIns.containsKey(name)) {
            return true;
        }
        String what = name.isEmpty() ? "the file declares no package, so it joins none of PCE's rule sets"
                : "package '" + name + "' is none of PCE's rule sets";
        String choices = builtIns.values().stream()
                .map(b -> "'package " + b.packageName() + ";' to join the " + b.ruleSet().description())
                .collect(Collectors.joining(", or "));
        PackageDescr descr = local.descr();
        problems.add(new DrlProblem(local.source(), name.isEmpty() ? 1 : descr.getLine(),
                name.isEmpty() ? 1 : descr.getColumn() + 1, what + ". Fix: start the file with " + choices + "."));
        return false;
    }

    /** The local rules, with two local rules of one name in one package reported. */
    private static List<LocalRule> localRules(List<LocalDrlFile> locals, Map<String, BuiltIn> builtIns,
                                              List<DrlProblem> problems) {
        List<LocalRule> rules = new ArrayList<>();
        Map<String, LocalRule> seen = new HashMap<>();
        for (LocalDrlFile local : locals) {
            BuiltIn builtIn = builtIns.get(local.packageName());
            for (RuleDescr rule : local.rules()) {
                LocalRule localRule = new LocalRule(local.source(), rule.getLine(), rule.getName(),
                        builtIn.ruleSet(), builtIn.ruleNames().contains(rule.getName()));
                LocalRule first = seen.putIfAbsent(local.packageName() + '\n' + rule.getName(), localRule);
                if (first != null) {
                    problems.add(new DrlProblem(local.source(), rule.getLine(), rule.getColumn() + 1, "rule '"
                            + rule.getName() + "' is also declared at " + first.source() + ":" + first.line()
                            + ". Fix: rename one of them; only a built-in rule can be replaced by name."));
                } else {
                    rules.add(localRule);
                }
            }
        }
        return rules;
    }

    private static Optional<LayeredBase> build(BuiltIn builtIn, List<LocalDrlFile> locals, List<DrlProblem> problems) {
        PackageDescr base = builtIn.descr();
        int builtInRules = base.getRules().size();
        Set<String> replaced = locals.stream().flatMap(local -> local.rules().stream()).map(RuleDescr::getName)
                .collect(Collectors.toSet());
        base.getRules().removeIf(rule -> replaced.contains(rule.getName()));
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(ResourceFactory.newDescrResource(base), ResourceType.DESCR);
        for (LocalDrlFile local : locals) {
            builder.add(ResourceFactory.newDescrResource(local.descr()), ResourceType.DESCR);
        }
        if (builder.hasErrors()) {
            for (KnowledgeBuilderError error : builder.getErrors()) {
                problems.add(BuildProblems.of(error, builtIn.ruleSet().drl()));
            }
            return Optional.empty();
        }
        InternalKnowledgeBase kieBase = DrlCompiler.newKnowledgeBase();
        kieBase.addPackages(builder.getKnowledgePackages());
        int rules = base.getRules().size() + locals.stream().mapToInt(local -> local.rules().size()).sum();
        return Optional.of(new LayeredBase(builtIn.ruleSet(), kieBase, builtInRules, rules));
    }

    /** A built-in rule set with its DRL parsed. */
    private record BuiltIn(CompiledDrl ruleSet, PackageDescr descr, Set<String> ruleNames) {
        BuiltIn(CompiledDrl ruleSet, PackageDescr descr) {
            this(ruleSet, descr, descr.getRules().stream().map(RuleDescr::getName).collect(Collectors.toSet()));
        }

        String packageName() {
            return descr.getName();
        }
    }
}
