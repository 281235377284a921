package dev.pce.rules.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads scenario files ({@code .json}, {@code .yaml}, {@code .yml}). A file holds {@code scenarios}, a non-empty
 * list, and optionally {@code rules}, which rules its scenarios test: {@code dependencies} (the default; see
 * {@link DependencyScenarioReader}), {@code gates} (see {@link GateScenarioReader}) or {@code conflicts} (see
 * {@link ConflictScenarioReader}). Unknown fields are errors,
 * so a misspelt expectation cannot pass silently.
 */
public final class ScenarioLoader {
    private static final ObjectMapper JSON = Json.plain();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> FILE_FIELDS = Set.of("rules", "scenarios");

    private ScenarioLoader() {
    }

    /** Whether the file's name says it is a scenario file. */
    public static boolean isScenarioFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** Every scenario file under {@code root} (or {@code root} itself), sorted by path. */
    public static List<Path> findFiles(Path root) {
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(ScenarioLoader::isScenarioFile).sorted().toList();
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO, "Cannot list scenario files under " + root + ": " + e.getMessage(),
                    "Check that the directory exists and is readable.", e);
        }
    }

    /** The scenarios of one file, in file order. */
    public static List<Scenario> load(Path file) {
        String name = file.toString();
        JsonNode root;
        try {
            ObjectMapper mapper = name.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
            root = mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "Cannot read scenario file " + name + ": "
                    + e.getMessage(), "Correct the file's syntax (JSON or YAML) at the position named.", e);
        }
        ScenarioNodes nodes = new ScenarioNodes(name);
        nodes.object(root, "the file", FILE_FIELDS);
        RuleSet rules = nodes.text(root, "rules", "the file")
                .map(text -> nodes.parsed(text, "the file's 'rules'", RuleSet::parse)).orElse(RuleSet.DEPENDENCIES);
        JsonNode scenarios = root.get("scenarios");
        if (scenarios == null || !scenarios.isArray() || scenarios.isEmpty()) {
            throw nodes.problem("the file", "needs a non-empty list 'scenarios'");
        }
        List<Scenario> result = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            String where = "scenarios[" + i + "]";
            result.add(switch (rules) {
                case DEPENDENCIES -> new DependencyScenarioReader(nodes).scenario(scenarios.get(i), where);
                case GATES -> new GateScenarioReader(nodes).scenario(scenarios.get(i), where);
                case CONFLICTS -> new ConflictScenarioReader(nodes).scenario(scenarios.get(i), where);
            });
        }
        return result;
    }
}
