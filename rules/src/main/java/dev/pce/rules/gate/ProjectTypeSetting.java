package dev.pce.rules.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.gate.ProjectType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The project type a repository's maintainers set in {@code .ce/config.yml} ({@code project_type: service}),
 * which overrides detection. Other keys of the file belong to other features and are left alone.
 */
final class ProjectTypeSetting {
    static final String CONFIG = ".ce/config.yml";
    static final String KEY = "project_type";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ProjectTypeSetting() {
    }

    /**
     * The type set in the repository's config; empty when there is no config file or it does not set the key.
     *
     * @throws CeException {@code INVALID_ARGUMENT} naming the file, the key and the allowed values when the file is
     *                     not a YAML mapping or the value is not a project type; {@code IO} when it cannot be read
     */
    static Optional<ProjectTypeDetection> read(Path repository) {
        Path file = repository.resolve(CONFIG);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            if (e instanceof JsonProcessingException) {
                throw new CeException(ErrorCode.INVALID_ARGUMENT, "Cannot read " + file + " as YAML: "
                        + e.getMessage(), "Correct the YAML syntax of " + file + " at the position named.", e);
            }
            throw new CeException(ErrorCode.IO, "Cannot read " + file + ": " + e.getMessage(),
                    "Check that the file is readable.", e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Optional.empty();
        }
        if (!root.isObject()) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, file + " is not a YAML mapping of keys to values.",
                    "Write " + file + " as 'key: value' lines, e.g. '" + KEY + ": service'.");
        }
        JsonNode value = root.get(KEY);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        try {
            if (!value.isTextual()) {
                throw new IllegalArgumentException("not a text");
            }
            ProjectType type = ProjectType.parse(value.asText());
            return Optional.of(new ProjectTypeDetection(type, CONFIG + " sets " + KEY + ": " + type.wireName()));
        } catch (IllegalArgumentException e) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, file + ": " + KEY + " is '" + value.asText()
                    + "', which is not a project type; allowed: " + ProjectType.allowedNames() + ".",
                    "Set " + KEY + " in " + file + " to one of " + ProjectType.allowedNames()
                            + ", or remove the key to let PCE detect the type.");
        }
    }
}
