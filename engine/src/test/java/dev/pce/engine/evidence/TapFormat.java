package dev.pce.engine.evidence;

import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Finding;
import dev.pce.engine.gate.FindingSeverity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * A format PCE does not read, for the test that a registry drives everything: Test Anything Protocol output
 * ({@code TAP version 13}, a plan {@code 1..N}, then {@code ok N - name} or {@code not ok N - name} per test).
 * Written as a new format would be, one class, and registered in a registry of the test's own.
 */
final class TapFormat implements EvidenceFormat {

    private static final FormatProfile PROFILE = new FormatProfile("TAP", ContentSignature.firstLine("TAP version"),
            List.of("*.tap"), List.of("*tap*"), EnumSet.of(Dimension.TESTS));

    @Override
    public FormatProfile profile() {
        return PROFILE;
    }

    @Override
    public TestResults parse(String source, byte[] content) throws MalformedEvidenceException {
        List<String> lines = new String(content, StandardCharsets.UTF_8).lines().toList();
        if (lines.stream().noneMatch(line -> line.startsWith("1.."))) {
            throw new MalformedEvidenceException("", "the output has no plan (1..N)", "let the run finish");
        }
        long total = 0;
        List<Finding> failures = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("ok ") || line.startsWith("not ok ")) {
                total++;
            }
            if (line.startsWith("not ok ")) {
                String name = line.substring(line.indexOf(" - ") + 3);
                failures.add(new Finding(Dimension.TESTS, name, FindingSeverity.HIGH, "", 0, 0, "failed", source));
            }
        }
        return new TestResults(source, new TestCounts(total, failures.size(), 0, 0), failures);
    }
}
