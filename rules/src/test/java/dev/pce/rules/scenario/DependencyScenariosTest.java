package dev.pce.rules.scenario;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs every scenario file under scenarios/dependencies/ as one dynamic test per scenario. */
class DependencyScenariosTest {
    private static final ScenarioRunner RUNNER = new ScenarioRunner();

    @TestFactory
    List<DynamicNode> scenarios() throws URISyntaxException {
        Path root = Path.of(Objects.requireNonNull(getClass().getResource("/scenarios/dependencies")).toURI());
        List<Path> files = ScenarioLoader.findFiles(root);
        assertThat(files).isNotEmpty();
        return files.stream().<DynamicNode>map(file -> DynamicContainer.dynamicContainer(
                root.relativize(file).toString(), file.toUri(),
                ScenarioLoader.load(file).stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
                    ScenarioResult result = RUNNER.run(scenario);
                    if (!result.passed()) {
                        throw new AssertionError(result.report());
                    }
                })))).toList();
    }
}
