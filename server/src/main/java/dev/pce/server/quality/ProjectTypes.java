package dev.pce.server.quality;

import dev.pce.engine.gate.ProjectType;
import dev.pce.rules.gate.ProjectTypeDetector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.function.Supplier;

/** The project's type for the gate rules: detected from the repository (or its .ce/config.yml) once, when needed. */
public final class ProjectTypes {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectTypes.class);

    private ProjectTypes() {
    }

    /** A supplier that detects the type of the project at {@code root} on its first call and remembers it. */
    public static Supplier<ProjectType> detectedOnce(Path root) {
        return new Supplier<>() {
            private ProjectType type;

            @Override
            public synchronized ProjectType get() {
                if (type == null) {
                    var detection = new ProjectTypeDetector().detect(root);
                    LOG.info("Project type {}: {}", detection.type().wireName(), detection.reason());
                    type = detection.type();
                }
                return type;
            }
        };
    }
}
