package dev.pce.engine.service;

/**
 * One thing wrong with a workflow's event log, as {@code ce doctor} reports it.
 *
 * @param line the line it is on (line N holds event N); 0 for the file as a whole
 * @param kind whether PCE can still read the workflow
 * @param what what is wrong, naming the file
 * @param fix  what to do, as a sentence a person can follow
 */
public record LogProblem(long line, Kind kind, String what, String fix) {

    /** How bad a problem is. */
    public enum Kind {
        /** PCE refuses the log: the workflow cannot be read until a person repairs it. */
        UNREADABLE,
        /** PCE reads the log, but it was changed outside PCE and PCE ignores or misreads part of it. */
        INCONSISTENT
    }
}
