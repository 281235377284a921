package dev.pce.server.report;

import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFormatTest {

    @Test
    void durationsAreWrittenInTheUnitPeopleReadAtAGlance() {
        assertThat(ReportFormat.duration(0.0423)).isEqualTo("42 ms");
        assertThat(ReportFormat.duration(12.345)).isEqualTo("12.3 s");
        assertThat(ReportFormat.duration(185)).isEqualTo("3m 05s");
        assertThat(ReportFormat.duration(7380)).isEqualTo("2h 03m");
        assertThat(ReportFormat.duration(3 * 86_400 + 4 * 3600)).isEqualTo("3d 04h");
        assertThat(ReportFormat.duration(OptionalDouble.empty())).isEqualTo("-");
    }

    @Test
    void sharesAndRatios() {
        assertThat(ReportFormat.percent(OptionalDouble.of(0.537))).isEqualTo("54%");
        assertThat(ReportFormat.percent(OptionalDouble.empty())).isEqualTo("-");
        assertThat(ReportFormat.ratio(OptionalDouble.of(2.214))).isEqualTo("2.21x");
    }

    @Test
    void axisStepsAreRoundNumbers() {
        assertThat(Svg.timeStep(3.3, 8)).isEqualTo(0.5);
        assertThat(Svg.timeStep(250, 8)).isEqualTo(60);
        assertThat(Svg.timeStep(100, 8)).isEqualTo(20);
        assertThat(Svg.timeStep(20_000, 8)).isEqualTo(3600);
        assertThat(Svg.timeStep(30 * 86_400, 8)).isEqualTo(4 * 86_400);
    }
}
