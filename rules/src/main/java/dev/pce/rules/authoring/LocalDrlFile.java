package dev.pce.rules.authoring;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.kie.api.io.Resource;
import org.kie.internal.io.ResourceFactory;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A local rule file, parsed. Its resource carries the path as the caller named it, so every problem Drools finds
 * later in it names that path.
 */
record LocalDrlFile(Path path, PackageDescr descr) {

    String source() {
        return path.toString();
    }

    String packageName() {
        return descr.getName() == null ? "" : descr.getName();
    }

    List<RuleDescr> rules() {
        return descr.getRules();
    }

    /** The file parsed, or empty with its problems added to {@code problems}. */
    static Optional<LocalDrlFile> read(Path path, List<DrlProblem> problems) {
        String source = path.toString();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(new DrlProblem(source, 0, 0, "cannot read the file: " + e
                    + ". Fix: make it a readable UTF-8 text file."));
            return Optional.empty();
        }
        Resource resource = ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8));
        resource.setSourcePath(source);
        resource.setResourceType(org.kie.api.io.ResourceType.DRL);
        DrlParser parser = new DrlParser();
        PackageDescr descr;
        try {
            descr = parser.parse(resource, new StringReader(text));
        } catch (DroolsParserException e) {
            problems.add(new DrlProblem(source, 0, 0, "cannot parse the file: " + e.getMessage()));
            return Optional.empty();
        }
        if (parser.hasErrors() || descr == null) {
            for (DroolsError error : parser.getErrors()) {
                problems.add(BuildProblems.of(error, source));
            }
            if (!parser.hasErrors()) {
                problems.add(new DrlProblem(source, 0, 0, "the parser understood nothing of the file"));
            }
            return Optional.empty();
        }
        return Optional.of(new LocalDrlFile(path, descr));
    }
}
