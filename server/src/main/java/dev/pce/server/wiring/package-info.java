/**
 * The composition root: the one place that puts the engine, the rules, the vaults and the tools together, for
 * every entry point: {@code ce serve} over stdio and HTTP ({@link dev.pce.server.wiring.ServerWiring}), each
 * {@code ce} command ({@link dev.pce.server.wiring.CommandWiring}), the vaults all of them open
 * ({@link dev.pce.server.wiring.ProjectVaults}), and the work a server starts in the background once it serves, in
 * order, on events ({@link dev.pce.server.wiring.StartupSequence}). It may depend on the
 * adapters it wires ({@code tools}, {@code knowledge}, {@code quality}) and on the modules below; nothing but the
 * entry points ({@code cli}) depends on it.
 */
package dev.pce.server.wiring;
