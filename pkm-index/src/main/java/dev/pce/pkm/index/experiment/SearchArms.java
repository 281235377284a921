package dev.pce.pkm.index.experiment;

import java.util.List;

/** The arms {@code ce experiment search} compares; the baseline every ratio is taken against. */
public final class SearchArms {
    public static final SearchArm BASELINE = new Fts5Arm();
    public static final List<SearchArm> ALL = List.of(new PceArm(), BASELINE);

    private SearchArms() {
    }
}
