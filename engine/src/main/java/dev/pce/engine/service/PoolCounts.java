package dev.pce.engine.service;

/** How many tasks of one pool are in each status. */
public record PoolCounts(String pool, int total, int waiting, int ready, int claimed, int done, int failed,
                         int blocked) {
}
