/**
 * The Drools knowledge base that implements the engine's ports, with DRL under {@code src/main/resources/rules/}.
 * {@link dev.pce.rules.dependency} classifies dependencies (hard, soft, resource, feedback);
 * {@link dev.pce.rules.scenario} tests rules from scenario files. Conflict arbitration and quality gates come later.
 */
package dev.pce.rules;
