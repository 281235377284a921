/**
 * Quality gates as Drools rules: {@code rules/gates.drl} decides the criteria (metric, threshold by project type,
 * severity, remediation, learned threshold adjustments); {@link dev.pce.rules.gate.DroolsGatePolicy} judges the
 * evidence against them.
 */
package dev.pce.rules.gate;
