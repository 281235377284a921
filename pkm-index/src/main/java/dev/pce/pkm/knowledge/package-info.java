/**
 * The vaults as the engine's knowledge store: {@link dev.pce.pkm.knowledge.VaultKnowledgeStore}, the one facade over
 * the vaults a process searches and writes (which ones: {@link dev.pce.pkm.knowledge.VaultSources}, from
 * {@code CE_VAULT}, {@code CE_VAULTS}, {@code CE_PROJECT}), their indexes and link graphs, and the
 * {@code pkm://note/} URIs of notes ({@link dev.pce.pkm.knowledge.NoteUris}). Builds on {@code note}, {@code vault},
 * {@code index} and {@code graph}; nothing below depends on it.
 */
package dev.pce.pkm.knowledge;
