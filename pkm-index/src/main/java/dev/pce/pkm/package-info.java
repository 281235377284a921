/**
 * The markdown vault of learnings: {@link dev.pce.pkm.note} holds the note model, its parser and renderer;
 * {@link dev.pce.pkm.vault} the vault on disk (scanning, confined reads, atomic create-new writes). The Lucene
 * index and link graph come later and build on these. See docs/pkm.md.
 */
package dev.pce.pkm;
