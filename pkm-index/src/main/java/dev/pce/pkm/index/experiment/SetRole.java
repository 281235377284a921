package dev.pce.pkm.index.experiment;

/** What a collection is for: tuning looks at development sets only; test sets only measure. */
public enum SetRole {
    DEVELOPMENT("dev"),
    TEST("test");

    private final String label;

    SetRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
