/**
 * Evidence parsers for quality gates: the JUnit XML, JaCoCo, Cobertura, LCOV and SARIF files CI already produces,
 * read into the {@link dev.pce.engine.gate.Evidence} model. Start at {@link dev.pce.engine.evidence.EvidenceReader}.
 * A file that cannot be read as its format demands is an {@link dev.pce.engine.gate.EvidenceProblem}, never a
 * pass. See docs/evidence.md.
 */
package dev.pce.engine.evidence;
