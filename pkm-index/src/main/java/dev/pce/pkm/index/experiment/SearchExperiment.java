package dev.pce.pkm.index.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Runs every arm over every collection's known-item queries and scores the rankings. */
public final class SearchExperiment {

    /** One arm's scores on one collection. */
    public record ArmScores(String arm, RankingScores scores, List<RankingScores.Ranking> rankings) {
        public ArmScores {
            rankings = List.copyOf(rankings);
        }
    }

    /** The arms' scores on one collection. */
    public record CollectionResult(SearchCollection collection, List<ArmScores> arms) {
        public CollectionResult {
            arms = List.copyOf(arms);
        }

        public RankingScores scores(String arm) {
            return arms.stream().filter(a -> a.arm().equals(arm)).findFirst().orElseThrow().scores();
        }
    }

    private SearchExperiment() {
    }

    public static List<CollectionResult> run(List<SearchCollection> collections, List<SearchArm> arms, Path workDir)
            throws IOException {
        List<CollectionResult> results = new ArrayList<>();
        int n = 0;
        for (SearchCollection collection : collections) {
            List<ArmScores> scores = new ArrayList<>();
            for (SearchArm arm : arms) {
                Path scratch = Files.createDirectories(workDir.resolve("arm-" + n++));
                scores.add(score(arm, collection, scratch));
            }
            results.add(new CollectionResult(collection, scores));
        }
        return results;
    }

    private static ArmScores score(SearchArm arm, SearchCollection collection, Path scratch) throws IOException {
        List<RankingScores.Ranking> rankings = new ArrayList<>();
        try (SearchArm.Ranker ranker = arm.index(collection, scratch)) {
            for (KnownItemQuery query : collection.queries()) {
                rankings.add(new RankingScores.Ranking(ranker.top(query.text(), RankingScores.K), query.target()));
            }
        }
        return new ArmScores(arm.name(), RankingScores.of(rankings), rankings);
    }

    /**
     * The results as a markdown table: a row per collection and arm, then per set role the queries of all its
     * collections pooled; the last column is each arm's MRR@10 over the baseline's.
     */
    public static List<String> table(List<CollectionResult> results, String baseline) {
        List<String> lines = new ArrayList<>();
        lines.add("| collection | set | notes | queries | arm | MRR@10 | recall@10 | MRR@10 / " + baseline + " |");
        lines.add("|---|---|---:|---:|---|---:|---:|---:|");
        for (CollectionResult result : results) {
            SearchCollection c = result.collection();
            rows(lines, c.name(), c.role().label(), String.format(Locale.ROOT, "%,d", c.notes().size()),
                    result.arms(), baseline);
        }
        Map<SetRole, List<CollectionResult>> byRole = new TreeMap<>();
        results.forEach(r -> byRole.computeIfAbsent(r.collection().role(), k -> new ArrayList<>()).add(r));
        byRole.forEach((role, ofRole) -> rows(lines, "**all " + role.label() + " sets**", role.label(),
                String.format(Locale.ROOT, "%,d", ofRole.stream().mapToInt(r -> r.collection().notes().size()).sum()),
                pooled(ofRole), baseline));
        return lines;
    }

    /**
     * Where {@code arm} does worse than {@code baseline}: per collection, up to {@code limit} queries whose right
     * note the baseline ranks higher (a rank past {@value RankingScores#K} shown as "-"), with the note and both
     * ranks, so a loss can be looked at. Only for sets that may be looked at: tuning on them would spoil a test set.
     */
    public static List<String> losses(List<CollectionResult> results, String arm, String baseline, int limit) {
        List<String> lines = new ArrayList<>();
        for (CollectionResult result : results) {
            List<KnownItemQuery> queries = result.collection().queries();
            List<RankingScores.Ranking> ours = rankings(result, arm);
            List<RankingScores.Ranking> theirs = rankings(result, baseline);
            int shown = 0;
            for (int i = 0; i < queries.size() && shown < limit; i++) {
                int rank = ours.get(i).rank();
                int baseRank = theirs.get(i).rank();
                if (baseRank > 0 && (rank == 0 || rank > baseRank)) {
                    lines.add(String.format(Locale.ROOT, "%s: '%s' -> %s: %s %s, %s %d", result.collection().name(),
                            queries.get(i).text(), queries.get(i).target(), arm, rank == 0 ? "-" : rank, baseline,
                            baseRank));
                    shown++;
                }
            }
        }
        return lines;
    }

    /**
     * Each arm's MRR@10 per top folder of the right notes (a multilingual vault's language folders, say): per
     * collection, a row per folder (notes at the root under "/") with its queries and each arm's MRR@10.
     */
    public static List<String> byFolder(List<CollectionResult> results) {
        List<String> lines = new ArrayList<>();
        List<String> arms = results.isEmpty() ? List.of()
                : results.getFirst().arms().stream().map(ArmScores::arm).toList();
        lines.add("| collection | folder | queries | " + arms.stream().map(a -> a + " MRR@10")
                .collect(Collectors.joining(" | ")) + " |");
        lines.add("|---|---|---:|" + "---:|".repeat(arms.size()));
        for (CollectionResult result : results) {
            Map<String, List<Integer>> queriesOf = new TreeMap<>();
            List<KnownItemQuery> queries = result.collection().queries();
            for (int i = 0; i < queries.size(); i++) {
                queriesOf.computeIfAbsent(folder(queries.get(i).target()), k -> new ArrayList<>()).add(i);
            }
            queriesOf.forEach((folder, indexes) -> {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %s | %d |",
                        result.collection().name(), folder, indexes.size()));
                for (ArmScores arm : result.arms()) {
                    RankingScores scores = RankingScores.of(indexes.stream().map(arm.rankings()::get).toList());
                    row.append(String.format(Locale.ROOT, " %.3f |", scores.mrr()));
                }
                lines.add(row.toString());
            });
        }
        return lines;
    }

    /** A note path's top folder, or "/" for a note at the vault's root. */
    static String folder(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? "/" : path.substring(0, slash);
    }

    private static List<RankingScores.Ranking> rankings(CollectionResult result, String arm) {
        return result.arms().stream().filter(a -> a.arm().equals(arm)).findFirst().orElseThrow().rankings();
    }

    /** Each arm's rankings over several collections, scored together. */
    private static List<ArmScores> pooled(List<CollectionResult> results) {
        List<ArmScores> pooled = new ArrayList<>();
        for (ArmScores first : results.getFirst().arms()) {
            List<RankingScores.Ranking> all = results.stream().flatMap(r -> r.arms().stream())
                    .filter(a -> a.arm().equals(first.arm())).flatMap(a -> a.rankings().stream()).toList();
            pooled.add(new ArmScores(first.arm(), RankingScores.of(all), all));
        }
        return pooled;
    }

    private static void rows(List<String> lines, String name, String role, String notes, List<ArmScores> arms,
                             String baseline) {
        double base = arms.stream().filter(a -> a.arm().equals(baseline)).findFirst()
                .map(a -> a.scores().mrr()).orElse(Double.NaN);
        for (ArmScores arm : arms) {
            RankingScores s = arm.scores();
            String ratio = base > 0 ? String.format(Locale.ROOT, "%.2f", s.mrr() / base) : "n/a";
            lines.add(String.format(Locale.ROOT, "| %s | %s | %s | %d | %s | %.3f | %.3f | %s |", name, role, notes,
                    s.queries(), arm.arm(), s.mrr(), s.recall(), ratio));
        }
    }
}
