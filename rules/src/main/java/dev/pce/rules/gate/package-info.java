/**
 * Quality gates as Drools rules: {@code rules/gates.drl} decides the criteria (metric, threshold by project type,
 * severity, remediation, learned threshold adjustments); {@link dev.pce.rules.gate.DroolsGatePolicy} judges the
 * evidence against them; {@link dev.pce.rules.gate.ProjectTypeDetector} tells a repository's project type.
 */
package dev.pce.rules.gate;
