package dev.pce.pkm.index.experiment;

import java.util.List;

/** The arms {@code ce experiment search} compares; PCE's own, and the baseline every ratio is taken against. */
public final class SearchArms {
    public static final SearchArm PCE = new PceArm();
    public static final SearchArm BASELINE = new Fts5Arm();
    public static final List<SearchArm> ALL = List.of(PCE, BASELINE);

    private SearchArms() {
    }
}
