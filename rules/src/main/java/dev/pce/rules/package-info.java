/**
 * The Drools knowledge base that implements the engine's ports: dependency classes, conflict arbitration and
 * quality-gate criteria, with DRL under {@code src/main/resources/rules/}. Empty until the scheduling and gates
 * work lands; the module exists so the dependency direction server -> rules -> engine is fixed from the start.
 */
package dev.pce.rules;
