/**
 * Evidence for quality gates: the JUnit XML, JaCoCo, Cobertura, LCOV and SARIF files CI already produces, read into
 * the {@link dev.pce.engine.gate.Evidence} model. One {@link dev.pce.engine.evidence.EvidenceFormat} class per
 * format, all listed in {@link dev.pce.engine.evidence.EvidenceFormats#ALL}; start reading at
 * {@link dev.pce.engine.evidence.EvidenceReader}. A file that cannot be read as its format demands is an
 * {@link dev.pce.engine.gate.EvidenceProblem}, never a pass. Depends on {@code gate} and the engine's root package
 * only. See docs/evidence.md.
 */
package dev.pce.engine.evidence;
