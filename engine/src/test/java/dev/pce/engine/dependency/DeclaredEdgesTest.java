package dev.pce.engine.dependency;

import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeclaredEdgesTest {
    private final DeclaredEdges classifier = new DeclaredEdges();

    @Test
    void dependsOnIsHardUnlessDeclaredSoft() {
        List<TaskSpec> tasks = List.of(TaskSpec.builder("a", "build").build(), TaskSpec.builder("b", "build").build(),
                TaskSpec.builder("c", "build").dependsOn("a").dependsOn("b", EdgeClass.SOFT).build());

        assertThat(classifier.classify(tasks)).extracting(ClassifiedEdge::from, ClassifiedEdge::to,
                ClassifiedEdge::edgeClass).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", "c", EdgeClass.HARD),
                org.assertj.core.groups.Tuple.tuple("b", "c", EdgeClass.SOFT));
    }

    @Test
    void sameWritesGetOneResourceEdgeUnlessOrdered() {
        List<TaskSpec> tasks = List.of(
                TaskSpec.builder("a", "build").writes("src/A.java", "pom.xml").build(),
                TaskSpec.builder("b", "build").writes("pom.xml", "src/A.java").build(),
                TaskSpec.builder("c", "build").writes("pom.xml").dependsOn("d").build(),
                TaskSpec.builder("d", "build").dependsOn("a").build());

        List<ClassifiedEdge> resources = classifier.classify(tasks).stream()
                .filter(edge -> edge.edgeClass() == EdgeClass.RESOURCE).toList();

        // a -> d -> c orders a and c; b is unordered with both
        assertThat(resources).extracting(ClassifiedEdge::from, ClassifiedEdge::to, ClassifiedEdge::resource)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "b", "src/A.java"),
                        org.assertj.core.groups.Tuple.tuple("b", "c", "pom.xml"));
        assertThat(resources.get(0).rule()).isEqualTo(DeclaredEdges.RULE_SAME_WRITE);
        assertThat(resources.get(0).reason()).contains("both write src/A.java");
    }

    /** A soft dependent starts on a partial output, while its prerequisite still writes: only hard links part them. */
    @Test
    void writersLinkedOnlyThroughAChainStartingSoftGetAResourceEdge() {
        List<TaskSpec> tasks = List.of(
                TaskSpec.builder("a", "build").writes("f").build(),
                TaskSpec.builder("b", "build").writes("f").dependsOn("a", EdgeClass.SOFT).build(),
                TaskSpec.builder("c", "build").dependsOn("b", EdgeClass.SOFT).build(),
                TaskSpec.builder("d", "build").writes("f").dependsOn("c").build(),
                TaskSpec.builder("e", "build").writes("f").dependsOn("a").build());

        List<ClassifiedEdge> resources = classifier.classify(tasks).stream()
                .filter(edge -> edge.edgeClass() == EdgeClass.RESOURCE).toList();

        // a -> e is hard; a ~> b, b ~> c -> d and a ~> b ~> c -> d start soft; e and b, d are not linked at all
        assertThat(resources).extracting(ClassifiedEdge::from, ClassifiedEdge::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", "b"), org.assertj.core.groups.Tuple.tuple("a", "d"),
                org.assertj.core.groups.Tuple.tuple("b", "d"), org.assertj.core.groups.Tuple.tuple("b", "e"),
                org.assertj.core.groups.Tuple.tuple("d", "e"));
    }
}
