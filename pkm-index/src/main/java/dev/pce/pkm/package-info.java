/**
 * The markdown vault of learnings: {@link dev.pce.pkm.note} holds the note model, its parser and renderer;
 * {@link dev.pce.pkm.vault} the vault on disk (scanning, confined reads, atomic create-new writes);
 * {@link dev.pce.pkm.index} the Lucene index and {@link dev.pce.pkm.graph} the link graph, built on these; and
 * {@link dev.pce.pkm.knowledge} the one facade over them that the engine's knowledge-store port and the server use.
 * See docs/pkm.md.
 */
package dev.pce.pkm;
