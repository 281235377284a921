/**
 * A project's own rules, layered over the built-in ones: {@code .drl} files under {@code .ce/rules/} join the rule
 * set whose package they declare ({@link dev.pce.rules.authoring.RuleSets}).
 * {@link dev.pce.rules.authoring.LayeredCompiler} compiles them with the built-in DRL and reports problems by file,
 * line and column; {@link dev.pce.rules.authoring.RuleTests} runs their scenario files;
 * {@link dev.pce.rules.authoring.RuleReloader} keeps a running server's rules in step with the files. The
 * {@code ce rules validate} and {@code ce rules test} commands are built on these; docs/rules.md teaches them.
 */
package dev.pce.rules.authoring;
