/**
 * The Drools knowledge base that implements the engine's ports, with DRL under {@code src/main/resources/rules/}.
 * {@link dev.pce.rules.dependency} classifies dependencies (hard, soft, resource, feedback);
 * {@link dev.pce.rules.gate} decides quality-gate criteria and judges evidence against them;
 * {@link dev.pce.rules.scenario} tests both from scenario files. {@link dev.pce.rules.CompiledDrl} compiles each
 * DRL once, lazily: dependency classes ({@code dependency}), quality gates ({@code gate}), conflict arbitration
 * ({@code conflict}), and project-local rules layered over them ({@code authoring}).
 */
package dev.pce.rules;
