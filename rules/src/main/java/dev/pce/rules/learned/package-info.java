/**
 * Learned rules: learned patterns ({@link dev.pce.engine.learning.Pattern}) fill rule templates with validated slot
 * values, the generated DRL is compiled with the built-in and project rules before it is swapped in, and every
 * version is kept for history and rollback. {@link dev.pce.rules.learned.LearnedRules} is the engine's learned-rules
 * port ({@link dev.pce.engine.learning.LearnedRulesSink}). See docs/rules.md, "Learned rules".
 */
package dev.pce.rules.learned;
