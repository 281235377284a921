package dev.pce.rules.config;

import java.util.Objects;

/**
 * A value a configuration file sets, with the file it came from, so reasons can say where a setting comes from.
 *
 * @param file the file as PCE names it, relative to the repository (".ce/config.yml")
 */
public record Configured<T>(T value, String file) {

    public Configured {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(file, "file");
    }
}
