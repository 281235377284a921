/**
 * {@code ce experiment search}: how well free-text search finds a known note. Known-item queries (a few
 * distinctive words of one note's body) over development and held-out collections (generated vaults and the
 * compound-engineering plugin's notes, and held-out vaults from outside the repository), each ranked by every {@link dev.pce.pkm.index.experiment.SearchArm} (PCE's
 * index, a plain SQLite FTS5 BM25 table), scored by MRR@10 and recall@10. Depends on the index, vault and note
 * packages; nothing depends on it but the command line.
 */
package dev.pce.pkm.index.experiment;
