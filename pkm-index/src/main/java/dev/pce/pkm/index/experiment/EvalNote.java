package dev.pce.pkm.index.experiment;

import java.util.Objects;

/** A note as the ranking evaluation sees it: its path in the vault (the answer key), its title and its body. */
public record EvalNote(String path, String title, String body) {
    public EvalNote {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }
}
