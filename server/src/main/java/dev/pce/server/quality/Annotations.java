package dev.pce.server.quality;

import dev.pce.engine.gate.CriterionResult;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Finding;
import dev.pce.engine.gate.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A gate's verdict as GitHub Actions workflow commands, which GitHub turns into annotations on the pull request's
 * files: {@code ::error file=src/Db.java,line=12,endLine=13,title=security-high: java/sql-injection::message}.
 * Each criterion that needs action gives one annotation per failing test or finding behind it (each test or
 * finding once, at the first criterion that names it), with its file and lines where known, or else one about the
 * criterion itself (on the unreadable evidence files for an error). Blocking criteria give errors, the others
 * warnings; errors come first, since GitHub shows only the first few of a step.
 */
public final class Annotations {
    /** Annotations of one run; GitHub keeps at most 50 per job. The step summary lists everything. */
    static final int MAX = 50;

    private Annotations() {
    }

    /** One annotation: where, and what. */
    record Annotation(boolean error, Optional<String> file, int line, int endLine, String title, String message) {

        /** The workflow command, escaped as GitHub's toolkit escapes properties and messages. */
        String command() {
            StringBuilder line = new StringBuilder("::").append(error ? "error" : "warning").append(' ');
            file.ifPresent(f -> {
                line.append("file=").append(property(f)).append(',');
                if (this.line > 0) {
                    line.append("line=").append(this.line).append(',');
                    if (endLine > this.line) {
                        line.append("endLine=").append(endLine).append(',');
                    }
                }
            });
            return line.append("title=").append(property(title)).append("::").append(data(message)).toString();
        }
    }

    /** The workflow command lines for {@code verdict}, at most {@link #MAX} and a last one saying how many more. */
    public static List<String> of(GateVerdict verdict) {
        List<Annotation> all = annotations(verdict);
        List<String> lines = new ArrayList<>(all.stream().limit(MAX).map(Annotation::command).toList());
        if (all.size() > MAX) {
            lines.add(new Annotation(false, Optional.empty(), 0, 0, "More annotations",
                    (all.size() - MAX) + " more annotations were left out; the step summary lists every criterion"
                            + " and failing test.").command());
        }
        return lines;
    }

    private static List<Annotation> annotations(GateVerdict verdict) {
        List<Annotation> annotations = new ArrayList<>();
        Set<Object> annotated = new HashSet<>();
        List<CriterionResult> acting = verdict.criteria().stream()
                .filter(c -> !c.passed() && (c.blocks() || c.remediation().isPresent()))
                .sorted(Comparator.comparing(c -> !c.blocks())).toList();
        for (CriterionResult c : acting) {
            List<Annotation> behind = c.verdict() != Verdict.FAIL ? List.of() : c.dimension() == Dimension.TESTS
                    ? verdict.failingTests().stream().filter(annotated::add).map(test -> test(c, test)).toList()
                    : verdict.findings().stream().filter(c::concerns).filter(annotated::add)
                    .map(finding -> finding(c, finding)).toList();
            if (!behind.isEmpty()) {
                annotations.addAll(behind);
            } else if (!named(c, verdict) && c.remediation().map(annotated::add).orElse(true)) {
                annotations.addAll(criterion(c)); // once per task: criteria of one dimension without evidence share one
            }
        }
        return annotations;
    }

    /** Whether another criterion's annotations already name what is behind {@code c} (its failing tests). */
    private static boolean named(CriterionResult c, GateVerdict verdict) {
        return c.verdict() == Verdict.FAIL && (c.dimension() == Dimension.TESTS ? !verdict.failingTests().isEmpty()
                : verdict.findings().stream().anyMatch(c::concerns));
    }

    private static Annotation test(CriterionResult c, FailingTest test) {
        return new Annotation(c.blocks(), test.file(), test.line().orElse(0), 0, "Failed test " + test.test(),
                test.message().isEmpty() ? test.test() + " failed" : test.message());
    }

    private static Annotation finding(CriterionResult c, Finding finding) {
        return new Annotation(c.blocks(), Optional.of(finding.file()).filter(f -> !f.isEmpty()), finding.line(),
                finding.endLine(), c.criterion() + (finding.rule().isEmpty() ? "" : ": " + finding.rule()),
                finding.message().isEmpty() ? finding.severity().wireName() + " " + finding.dimension().wireName()
                        + " finding" : finding.message());
    }

    /**
     * The criterion itself, titled with its task when the evidence is missing or unreadable ("Provide the tests
     * evidence"): on each evidence file the task names (an unreadable one), else on none.
     */
    private static List<Annotation> criterion(CriterionResult c) {
        String message = c.criterion() + " " + c.verdict().words() + ": " + c.reason();
        String title = c.verdict() == Verdict.FAIL ? c.criterion()
                : c.remediation().map(fix -> fix.title()).orElse(c.criterion());
        List<String> files = c.verdict() == Verdict.ERROR ? c.remediation().map(fix -> fix.files()).orElse(List.of())
                : List.of();
        if (files.isEmpty()) {
            return List.of(new Annotation(c.blocks(), Optional.empty(), 0, 0, title, message));
        }
        return files.stream().map(file -> new Annotation(c.blocks(), Optional.of(file), 0, 0, title, message))
                .toList();
    }

    /** GitHub's escaping of a command's message. */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** GitHub's escaping of a command's property value: the message's, and ':' and ',' which end a property. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
