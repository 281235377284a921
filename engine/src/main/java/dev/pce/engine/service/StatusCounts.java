package dev.pce.engine.service;

/** Tasks per status across the whole workflow. */
public record StatusCounts(int waiting, int ready, int claimed, int done, int failed, int blocked) {
}
