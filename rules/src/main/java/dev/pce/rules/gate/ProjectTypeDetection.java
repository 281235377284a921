package dev.pce.rules.gate;

import dev.pce.engine.gate.ProjectType;

import java.util.Objects;

/**
 * A repository's project type and what gave it away, e.g. "server/pom.xml uses picocli (info.picocli)" or
 * ".ce/config.yml sets project_type: web".
 */
public record ProjectTypeDetection(ProjectType type, String reason) {

    public ProjectTypeDetection {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
    }
}
