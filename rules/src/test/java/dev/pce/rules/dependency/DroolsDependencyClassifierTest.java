package dev.pce.rules.dependency;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.dependency.EdgeClass;
import dev.pce.engine.model.TaskSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DroolsDependencyClassifierTest {
    private final DroolsDependencyClassifier classifier = new DroolsDependencyClassifier();

    @Test
    void declaredDependencyWithoutTypeIsHard() {
        List<ClassifiedEdge> edges = classifier.classify(List.of(
                TaskSpec.builder("a", "build").build(),
                TaskSpec.builder("b", "build").dependsOn("a").build()));
        assertThat(edges).singleElement().satisfies(edge -> {
            assertThat(edge.from()).isEqualTo("a");
            assertThat(edge.to()).isEqualTo("b");
            assertThat(edge.edgeClass()).isEqualTo(EdgeClass.HARD);
            assertThat(edge.rule()).isEqualTo("declared-untyped-is-hard");
            assertThat(edge.reason()).contains("'b' depends on 'a'");
        });
    }

    @Test
    void conflictNamesBothTasks() {
        assertThatThrownBy(() -> classifier.classify(List.of(
                TaskSpec.builder("api-v1", "build").produces("rate-api").build(),
                TaskSpec.builder("api-v2", "build").produces("rate-api").build())))
                .isInstanceOfSatisfying(CeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PLAN);
                    assertThat(e.getMessage()).contains("'api-v1'", "'api-v2'", "rate-api");
                    assertThat(e.fix()).contains("api-v1", "api-v2");
                });
    }
}
