package dev.pce.engine.evidence;

import java.nio.file.Path;

/**
 * Where evidence may be read from. A directory named by an agent is walked, and a link inside it could point
 * anywhere; every file found is therefore checked again at its real location (links followed), so a link planted
 * in a report directory cannot make PCE read {@code ~/.ssh/id_rsa} into a gate's findings.
 */
@FunctionalInterface
public interface EvidenceScope {

    /** Paths given on the command line by the person running it: no bound. */
    EvidenceScope ANYWHERE = realFile -> true;

    /** @param realFile the file's real path, every link resolved */
    boolean admits(Path realFile);

    /** How to fix a refused file; a scope that refuses should say what it admits. */
    default String admitted() {
        return "anywhere";
    }
}
