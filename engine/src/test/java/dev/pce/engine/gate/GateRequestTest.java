package dev.pce.engine.gate;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GateRequestTest {

    @Test
    void aProblemConcernsTheDimensionsItsFileFeedsOrElseAll() {
        GateRequest request = GateRequest.of(ProjectType.LIBRARY, Evidence.EMPTY).withSources(List.of(
                EvidenceSource.of("codeql.sarif", Dimension.SECURITY),
                EvidenceSource.of("codeql.sarif", Dimension.LINT)));
        assertThat(request.dimensionsOf(new EvidenceProblem("codeql.sarif", "bad")))
                .containsExactlyInAnyOrder(Dimension.SECURITY, Dimension.LINT);
        assertThat(request.dimensionsOf(new EvidenceProblem("other.xml", "bad")))
                .isEqualTo(EnumSet.allOf(Dimension.class));
    }

    @Test
    void anAdjustmentAppliesToItsProjectTypeOrToAll() {
        ThresholdAdjustment all = ThresholdAdjustment.of(Metrics.COVERAGE_LINE, 65, "pattern p");
        assertThat(all.dimension()).isEqualTo(Dimension.COVERAGE);
        assertThat(all.appliesTo(ProjectType.CLI)).isTrue();
        ThresholdAdjustment services = all.forType(ProjectType.SERVICE);
        assertThat(services.projectType()).contains(ProjectType.SERVICE);
        assertThat(services.appliesTo(ProjectType.SERVICE)).isTrue();
        assertThat(services.appliesTo(ProjectType.WEB)).isFalse();
    }

    @Test
    void anAdjustmentMustNameAMetricOfItsDimensionAndItsOrigin() {
        assertThatThrownBy(() -> new ThresholdAdjustment(Dimension.LINT, "coverage.line", Optional.empty(), 1, "p"))
                .hasMessage("threshold adjustment from p: metric 'coverage.line' is not a metric of the lint"
                        + " dimension; metric names start with 'lint.'");
        assertThatThrownBy(() -> ThresholdAdjustment.of("coverage.line", 1, " "))
                .hasMessageContaining("has no origin");
        assertThatThrownBy(() -> ThresholdAdjustment.of("coverage.line", Double.NaN, "p"))
                .hasMessageContaining("not a finite number");
        assertThatThrownBy(() -> ThresholdAdjustment.of("line", 1, "p"))
                .hasMessageContaining("metric 'line' does not start with a dimension");
    }

    @Test
    void anEvidenceSourceFeedsSomething() {
        assertThatThrownBy(() -> new EvidenceSource("x.xml", Set.of())).hasMessageContaining("feeds no dimension");
    }

    @Test
    void projectTypesParseFromAnyCaseAndListTheValidNames() {
        assertThat(ProjectType.parse(" Service ")).isEqualTo(ProjectType.SERVICE);
        assertThat(ProjectType.WEB.wireName()).isEqualTo("web");
        assertThatThrownBy(() -> ProjectType.parse("daemon"))
                .hasMessage("unknown project type 'daemon'; use one of library, service, cli, web");
    }

    @Test
    void comparisonsIncludeTheThreshold() {
        assertThat(Comparison.AT_LEAST.holds(80, 80)).isTrue();
        assertThat(Comparison.AT_LEAST.holds(79.9, 80)).isFalse();
        assertThat(Comparison.AT_MOST.holds(0, 0)).isTrue();
        assertThat(Comparison.AT_MOST.holds(1, 0)).isFalse();
    }
}
