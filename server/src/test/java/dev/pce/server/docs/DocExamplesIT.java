package dev.pce.server.docs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;
import dev.pce.engine.event.EventCodec;
import dev.pce.engine.evidence.JUnitXmlFormat;
import dev.pce.engine.evidence.LcovFormat;
import dev.pce.engine.learning.PatternStore;
import dev.pce.pkm.note.NoteParser;
import dev.pce.pkm.note.ParseResult;
import dev.pce.server.cli.CeCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every example of README.md and docs/*.md, so the docs cannot drift from what PCE does. Each document gets
 * a sandbox project ({@link DocSandbox}); its code blocks are checked by kind:
 * <ul>
 *   <li>{@code drl}/{@code yaml} whose first line names a file ({@code // .ce/rules/docs.drl}) are written there
 *       first; the rest of the DRL is compiled alone, YAML scenarios are run against the built-in rules;</li>
 *   <li>{@code json tool=}/{@code result=}: calls to and answers of a real server ({@link ToolExamples});
 *       {@code json output-of=report+--json}: the fields of what that command prints ({@code exit=1}: and the
 *       exit code it must end with);
 *       {@code json reads-as=}: read by the code that reads that format; {@code json same-as=FILE}: equal to that
 *       file of the repository;</li>
 *   <li>{@code sh}: each command line runs in the sandbox and must succeed, except commands that change the
 *       machine or need software the tests do not have ({@link #NOT_RUN}), long benchmarks, which are parsed
 *       by the command line but not run ({@link #PARSED_ONLY}), and {@code ./ce fuzz}, which fuzzes with Maven for
 *       minutes: the repository's own script checks its arguments with {@code --dry-run};</li>
 *   <li>{@code text transcript}: the {@code $ } command runs and its output must be the block's;</li>
 *   <li>{@code java signature-of=CLASS}: every method named must exist on that class;</li>
 *   <li>{@code xml wrap=testsuite}, {@code lcov}, {@code markdown note}: read by the evidence and note parsers.</li>
 * </ul>
 * Other {@code text} blocks show output or syntax and are not run; a block without a language fails the test.
 */
class DocExamplesIT {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    /** Commands the docs show that the tests must not or cannot run (by how the line starts), and why. */
    private static final Map<String, String> NOT_RUN = Map.of(
            "claude ", "ClaudeCodeIT runs these with the real Claude Code CLI and a scripted model",
            "/absolute/path/to/pce/", "ClaudeCodeIT and the GitHub Actions replay run these by the checkout's path",
            "sudo ", "installs system packages",
            "mvn ", "runs the test suite this test is part of",
            "./ce test", "runs the test suite this test is part of");

    /** Benchmarks and experiments take minutes: their command lines are parsed, not run. */
    private static final List<String> PARSED_ONLY = List.of("bench", "experiment");

    /** A workflow id as the docs show one; the sandbox's own takes its place. */
    private static final Pattern DOCUMENTED_WORKFLOW_ID = Pattern.compile("wf-\\d{8}-\\d{6}-[0-9a-f]{6}");

    @TempDir
    static Path temp;

    private static final List<DocSandbox> SANDBOXES = new ArrayList<>();

    @AfterAll
    static void closeSandboxes() {
        SANDBOXES.forEach(DocSandbox::close);
    }

    @TestFactory
    Stream<DynamicNode> everyExampleOfTheDocsRuns() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(file -> file.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        List<DynamicNode> containers = new ArrayList<>();
        for (Path document : documents) {
            containers.add(DynamicContainer.dynamicContainer(document.getFileName().toString(), examplesOf(document)));
        }
        return containers.stream();
    }

    private Stream<DynamicNode> examplesOf(Path document) throws IOException {
        List<DocBlock> blocks = DocBlock.readAll(document);
        DocSandbox sandbox = DocSandbox.create(temp.resolve(document.getFileName().toString()));
        SANDBOXES.add(sandbox);
        ToolExamples tools = new ToolExamples(sandbox);
        List<DynamicNode> tests = new ArrayList<>();
        // files first: the examples after them work on the project they make
        for (DocBlock block : blocks) {
            if (block.namedFile().isPresent() && List.of("drl", "yaml").contains(block.language())) {
                tests.add(test(block, () -> sandbox.write(block.namedFile().get(), block.body())));
            }
        }
        for (DocBlock block : blocks) {
            if (block.namedFile().isPresent() && List.of("drl", "yaml").contains(block.language())) {
                continue;
            }
            switch (block.language()) {
                case "sh" -> commandLines(block).forEach(line -> tests.add(DynamicTest.dynamicTest(
                        block.where() + " " + line, () -> shell(sandbox, block, line))));
                case "json" -> tests.add(test(block, () -> json(tools, sandbox, block)));
                case "text" -> {
                    if (block.attributes().containsKey("transcript")) {
                        tests.add(test(block, () -> transcript(sandbox, block)));
                    }
                }
                case "drl" -> tests.add(test(block, () -> drlAlone(sandbox, block)));
                case "yaml" -> tests.add(test(block, () -> scenarioAlone(sandbox, block)));
                case "java" -> tests.add(test(block, () -> javaSignatures(block)));
                case "xml" -> tests.add(test(block, () -> junitFragment(block)));
                case "lcov" -> tests.add(test(block, () -> new LcovFormat().parse(block.where(), bytes(block))));
                case "markdown" -> tests.add(test(block, () -> note(block)));
                default -> tests.add(test(block, () -> {
                    throw new AssertionError(block + ": give the block a language (text for output or syntax) so "
                            + "this test knows how to check it");
                }));
            }
        }
        return tests.stream();
    }

    private static DynamicTest test(DocBlock block, Executable check) {
        return DynamicTest.dynamicTest(block.toString(), check);
    }

    /** The block's command lines: comments and blank lines dropped, backslash continuations joined. */
    private static List<String> commandLines(DocBlock block) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : block.body().lines().toList()) {
            if (current.isEmpty() && (line.isBlank() || line.strip().startsWith("#"))) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
            } else {
                lines.add(current.append(line).toString().strip());
                current.setLength(0);
            }
        }
        return lines;
    }

    private static void shell(DocSandbox sandbox, DocBlock block, String line) throws Exception {
        for (Map.Entry<String, String> skipped : NOT_RUN.entrySet()) {
            if ((line + " ").startsWith(skipped.getKey())) {
                System.out.println(block.where() + ": not run (" + skipped.getValue() + "): " + line);
                return;
            }
        }
        List<String> words = Arrays.asList(line.split("\\s+"));
        if (words.getFirst().equals("./ce") && words.size() > 1 && PARSED_ONLY.contains(words.get(1))) {
            CeCommand.commandLine().parseArgs(words.subList(1, words.size()).toArray(String[]::new));
            return;
        }
        if (words.getFirst().equals("./ce") && words.size() > 1 && words.get(1).equals("fuzz")) {
            String dryRun = "'" + ROOT.resolve("ce") + "' " + String.join(" ", words.subList(1, words.size()))
                    + " --dry-run";
            DocSandbox.Shell run = sandbox.shell(dryRun);
            assertThat(run.exitCode()).as("%s: '%s' failed:%n%s", block.where(), dryRun, run.output()).isZero();
            return;
        }
        String real = line;
        if (real.contains("$(./ce workspace path)") && sandbox.workflowId().isEmpty()) {
            plan(sandbox); // such commands look into a workspace in use
        }
        if (real.contains("<workflow id>") || DOCUMENTED_WORKFLOW_ID.matcher(real).find()) {
            String id = sandbox.workflowId().orElseGet(() -> plan(sandbox));
            real = DOCUMENTED_WORKFLOW_ID.matcher(real.replace("<workflow id>", id)).replaceAll(id);
        }
        DocSandbox.Shell run = sandbox.shell(real);
        assertThat(run.exitCode()).as("%s: '%s' failed:%n%s", block.where(), real, run.output()).isZero();
    }

    /** A workflow for commands that name one, planned from the demo's plan. */
    private static String plan(DocSandbox sandbox) {
        try {
            JsonNode plan = Json.mapper().readTree(ROOT.resolve("examples/plans/rate-limiting.json").toFile());
            JsonNode result = sandbox.server().callTool("ce_plan", plan).structured();
            sandbox.planned(result);
            return result.path("workflow_id").asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void json(ToolExamples tools, DocSandbox sandbox, DocBlock block) throws Exception {
        if (block.attributes().containsKey("output-of")) {
            outputOf(sandbox, block);
        } else if (block.attributes().containsKey("tool")) {
            tools.call(block);
        } else if (block.attributes().containsKey("result")) {
            tools.result(block);
        } else if (block.attributes().containsKey("same-as")) {
            JsonNode file = Json.mapper().readTree(ROOT.resolve(block.attribute("same-as").get()).toFile());
            assertThat(Json.mapper().readTree(block.body())).as(block.where()).isEqualTo(file);
        } else if (block.attributes().containsKey("reads-as")) {
            readsAs(block);
        } else {
            throw new AssertionError(block + ": say what the JSON is (tool=, result=, output-of=, same-as= or "
                    + "reads-as=) so this test can check it");
        }
    }

    /**
     * {@code output-of=report+--json}: the JSON {@code ./ce report --json} prints, run on the sandbox's workflow;
     * every field the docs show must be in the real output (values differ from run to run). The command must exit
     * with 0, or with the code {@code exit=} names (a blocking {@code ce gate --json} exits with 1).
     */
    private static void outputOf(DocSandbox sandbox, DocBlock block) throws Exception {
        if (sandbox.workflowId().isEmpty()) {
            plan(sandbox);
        }
        String command = "./ce " + block.attribute("output-of").get().replace('+', ' ');
        DocSandbox.Shell run = sandbox.shell(command);
        int exit = Integer.parseInt(block.attribute("exit").orElse("0"));
        assertThat(run.exitCode()).as("%s: '%s' exit code:%n%s", block.where(), command, run.output())
                .isEqualTo(exit);
        assertThat(JsonFields.missing(Json.mapper().readTree(block.body()), Json.mapper().readTree(run.out())))
                .as("%s: fields the docs show that '%s' does not print", block.where(), command).isEmpty();
    }

    private static void readsAs(DocBlock block) throws Exception {
        String format = block.attribute("reads-as").get();
        switch (format) {
            case "event" -> {
                byte[] line = bytes(block);
                assertThat(EventCodec.decode(line, 0, line.length, block.where()).type()).isNotBlank();
            }
            case "patterns" -> {
                Path file = Files.createTempFile(temp, "patterns", ".json");
                Files.write(file, bytes(block));
                assertThat(new PatternStore(file).read().patterns().patterns()).isNotEmpty();
            }
            default -> {
                Class<?> type = Class.forName(format);
                Object value = Json.mapper().readValue(block.body(), type);
                assertThat((JsonNode) Json.mapper().valueToTree(value)).as("%s read as %s and written back", block.where(),
                        format).isEqualTo(Json.mapper().readTree(block.body()));
            }
        }
    }

    private static void transcript(DocSandbox sandbox, DocBlock block) throws Exception {
        List<String> lines = block.body().lines().toList();
        assertThat(lines.getFirst()).as(block.where()).startsWith("$ ");
        DocSandbox.Shell run = sandbox.shell(lines.getFirst().substring(2));
        String expected = String.join("\n", lines.subList(1, lines.size()));
        assertThat(run.output().strip()).as("%s: the output of '%s'", block.where(), lines.getFirst())
                .isEqualTo(expected.strip());
    }

    /** DRL that names no file: compiled alone with the built-in rules, as a project's only rule file. */
    private static void drlAlone(DocSandbox sandbox, DocBlock block) throws Exception {
        Path dir = Files.createTempDirectory(temp, "drl");
        Files.writeString(dir.resolve("example.drl"), block.body());
        DocSandbox.Shell run = sandbox.shell("./ce rules validate '" + dir + "'");
        assertThat(run.exitCode()).as("%s does not compile:%n%s", block.where(), run.output()).isZero();
    }

    /** A scenario file that names no file: run alone against the built-in rules, where it must pass. */
    private static void scenarioAlone(DocSandbox sandbox, DocBlock block) throws Exception {
        assertThat(block.body()).as("%s: a YAML example is a scenario file or names its file", block.where())
                .contains("scenarios:");
        Path dir = Files.createTempDirectory(temp, "scenarios");
        Files.writeString(dir.resolve("example.yaml"), block.body());
        DocSandbox.Shell run = sandbox.shell("./ce rules test '" + dir + "'");
        assertThat(run.exitCode()).as("%s: its scenarios fail:%n%s", block.where(), run.output()).isZero();
    }

    /**
     * Every method the block names is a public method of the class {@code signature-of} names: called on it
     * ({@code EvidenceReader.read(}) or declared ({@code QualityResolution resolveQuality(}).
     */
    private static void javaSignatures(DocBlock block) throws Exception {
        Class<?> type = Class.forName(block.attribute("signature-of").orElseThrow(() -> new AssertionError(block
                + ": name the class its methods belong to with signature-of=")));
        List<String> methods = Arrays.stream(type.getMethods()).map(Method::getName).toList();
        Matcher named = Pattern.compile("(?:\\b" + type.getSimpleName() + "\\.|^[A-Z]\\w*\\s+)(\\w+)\\(",
                Pattern.MULTILINE).matcher(block.body());
        int count = 0;
        while (named.find()) {
            assertThat(methods).as("%s: %s.%s", block.where(), type.getSimpleName(), named.group(1))
                    .contains(named.group(1));
            count++;
        }
        assertThat(count).as(block.where() + " names a method").isPositive();
    }

    private static void junitFragment(DocBlock block) throws Exception {
        String wrap = block.attribute("wrap").orElse("");
        String xml = wrap.isEmpty() ? block.body() : "<" + wrap + " name=\"docs\">" + block.body() + "</" + wrap + ">";
        assertThat(new JUnitXmlFormat().parse(block.where(), xml.getBytes(StandardCharsets.UTF_8)).counts().total()).isPositive();
    }

    private static void note(DocBlock block) {
        ParseResult result = new NoteParser().parse("docs-example.md", block.body());
        assertThat(result).as(block.where()).isInstanceOfSatisfying(ParseResult.Parsed.class, parsed ->
                assertThat(parsed.warnings()).isEmpty());
    }

    private static byte[] bytes(DocBlock block) {
        return block.body().getBytes(StandardCharsets.UTF_8);
    }
}
