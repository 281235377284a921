/**
 * Test fixtures that the tests of several modules need: plain Java and JUnit, no PCE type. A module takes it in
 * test scope; because it depends on no PCE module, the engine's tests may use it without a cycle in the build.
 * Helpers that need the engine's types stay in the engine's tests ({@code dev.pce.engine.testing}).
 */
package dev.pce.testing;
