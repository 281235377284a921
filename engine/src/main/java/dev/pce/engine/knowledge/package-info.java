/**
 * The knowledge-store port: the notes PCE learns from and writes, and the plain records that cross it
 * ({@link dev.pce.engine.knowledge.NoteRef}, {@link dev.pce.engine.knowledge.NewNote}, ...). The pkm-index module
 * implements it over the project's vault and other projects' vaults; the engine's learning use cases see no files
 * and no index. Depends on nothing of the engine but its root package.
 */
package dev.pce.engine.knowledge;
