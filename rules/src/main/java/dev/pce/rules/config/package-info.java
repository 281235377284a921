/**
 * What a repository configures for PCE in {@code .github/ce-config.yml} (for CI users) and {@code .ce/config.yml}:
 * the project type, the agents per pool and the dimensions the gates require. See docs/gates.md, "Configuration".
 */
package dev.pce.rules.config;
