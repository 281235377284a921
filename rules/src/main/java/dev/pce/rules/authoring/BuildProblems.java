package dev.pce.rules.authoring;

import org.drools.compiler.compiler.DescrBuildError;
import org.drools.compiler.compiler.RuleBuildError;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.ParserError;
import org.kie.api.io.Resource;
import org.kie.internal.builder.KnowledgeBuilderResult;

import java.util.stream.Collectors;

/** Turns what Drools reports into {@link DrlProblem}s with the file, line and column an editor needs. */
final class BuildProblems {
    private static final String CONSEQUENCE_ERROR = "Rule Compilation error";

    private BuildProblems() {
    }

    /** @param fallbackSource the file to name when Drools does not say which resource it means */
    static DrlProblem of(KnowledgeBuilderResult result, String fallbackSource) {
        String source = sourceOf(result.getResource(), fallbackSource);
        String message = result.getMessage() == null ? result.toString() : result.getMessage();
        // Drools' columns are 0-based; editors count from 1
        return switch (result) {
            case ParserError parser -> new DrlProblem(source, parser.getRow(), parser.getCol() + 1, message);
            case RuleBuildError rule when rule.getDescr() instanceof RuleDescr descr
                    && message.startsWith(CONSEQUENCE_ERROR) ->
                    // Java in the consequence: Drools names the rule's line, the 'then' is closer to the mistake
                    new DrlProblem(source, descr.getConsequenceLine(), 0, "in the consequence of rule '"
                            + descr.getName() + "': " + javaErrors(message.substring(CONSEQUENCE_ERROR.length())));
            case DescrBuildError descr when descr.getDescr() != null ->
                    new DrlProblem(source, descr.getLine(), descr.getColumn() + 1, message);
            default -> new DrlProblem(source, firstLine(result.getLines()), 0, message);
        };
    }

    /** The Java compiler's messages, each once (Drools repeats one per use of a bad name). */
    private static String javaErrors(String text) {
        return text.strip().lines().distinct().collect(Collectors.joining("\n"));
    }

    static String sourceOf(Resource resource, String fallback) {
        return resource == null || resource.getSourcePath() == null ? fallback : resource.getSourcePath();
    }

    private static int firstLine(int[] lines) {
        return lines == null || lines.length == 0 ? 0 : lines[0];
    }
}
