/**
 * The markdown vault of learnings and its Lucene index (BM25 search, link graph). Empty until the vault work
 * lands; the module exists so the dependency direction server -> pkm-index -> engine is fixed from the start.
 */
package dev.pce.pkm;
