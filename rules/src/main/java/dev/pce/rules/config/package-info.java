/**
 * What a repository configures for PCE in {@code .github/ce-config.yml} (for CI users) and {@code .ce/config.yml}:
 * the project type, the agents per pool, the dimensions the gates require and the folder of a vault committed in the
 * repository. See docs/gates.md, "Configuration", and docs/pkm.md.
 */
package dev.pce.rules.config;
