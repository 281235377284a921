package dev.pce.server.tools;

import dev.pce.engine.knowledge.NoteLinks;
import dev.pce.engine.knowledge.NoteRef;
import dev.pce.pkm.index.SearchFilters;
import dev.pce.pkm.index.SearchHit;
import dev.pce.pkm.index.SearchMode;
import dev.pce.pkm.index.SearchQuery;
import dev.pce.pkm.knowledge.VaultKnowledgeStore;
import dev.pce.pkm.knowledge.VaultKnowledgeStore.SearchAnswer;
import dev.pce.pkm.note.NoteId;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** ce_search: ranked notes of every vault for a query or like a note, with snippets and links. */
public final class SearchTool implements CeTool {
    private static final int MAX_FILTER_VALUES = 20;
    private static final int MAX_FILTER_LENGTH = 64;

    private final VaultKnowledgeStore knowledge;

    public SearchTool(VaultKnowledgeStore knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public String name() {
        return ToolName.CE_SEARCH.wireName();
    }

    /** One hit as ce_search answers it. */
    public record Hit(NoteRef note, Optional<String> type, Optional<String> status, Optional<String> project,
                      Optional<String> date, List<String> tags, float score, List<String> snippets,
                      NoteLinks links) {
        static Hit of(VaultKnowledgeStore.Hit hit) {
            SearchHit found = hit.found();
            return new Hit(hit.note(), found.type(), found.status(), found.project(), found.date(), found.tags(),
                    found.score(), found.snippets(), hit.links());
        }
    }

    /** What ce_search answers. */
    public record Output(long total, boolean totalExact, String interpretation, List<String> vaults,
                         List<String> notices, List<String> indexing, List<Hit> hits) {
    }

    @Override
    public ToolOutput call(ToolArgs args) {
        Optional<String> like = args.optionalString("like", NoteId.MAX_LENGTH);
        Optional<String> text = args.optionalString("query", SearchQuery.MAX_TEXT);
        if (like.isPresent() && text.isPresent() && !text.get().isBlank()) {
            throw ToolArgs.invalid("Both query and like are given.",
                    "Search by words with query, or for notes like a note with like, not both.");
        }
        Optional<String> likeVault = args.optionalString("like_vault", MAX_FILTER_LENGTH);
        SearchFilters filters = filters(args);
        int limit = (int) args.integer("limit", 1, SearchQuery.MAX_LIMIT, SearchQuery.DEFAULT_LIMIT);
        int offset = (int) args.integer("offset", 0, SearchQuery.MAX_OFFSET, 0);
        Optional<SearchMode> mode = mode(args);
        // the hits come with their links, in one call
        SearchAnswer answer = like.isPresent()
                ? knowledge.searchLike(likeVault, like.get(), filters, limit)
                : knowledge.search(new SearchQuery(text.orElse(""), filters, offset, limit, mode));
        return ToolOutput.json(new Output(answer.total(), answer.totalExact(), answer.interpretation(),
                answer.vaults(), answer.notices(), answer.indexing(), answer.hits().stream().map(Hit::of).toList()));
    }

    private static Optional<SearchMode> mode(ToolArgs args) {
        return args.optionalString("mode", 16).map(name -> Arrays.stream(SearchMode.values())
                .filter(m -> m.wireName().equals(name)).findFirst()
                .orElseThrow(() -> ToolArgs.invalid(args.where("mode") + " is '" + name + "', not a search mode.",
                        "Give lexical (words, BM25), semantic (meaning) or hybrid (both), or leave mode out.")));
    }

    private static SearchFilters filters(ToolArgs args) {
        return new SearchFilters(values(args, "types"), values(args, "projects"), values(args, "tags"),
                values(args, "vaults"), day(args, "from"), day(args, "to"));
    }

    private static Set<String> values(ToolArgs args, String field) {
        return new HashSet<>(args.stringList(field, MAX_FILTER_VALUES, MAX_FILTER_LENGTH));
    }

    private static Optional<LocalDate> day(ToolArgs args, String field) {
        return args.optionalString(field, 10).map(text -> {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw ToolArgs.invalid(args.where(field) + " is '" + text + "', not a day.",
                        "Give the day as YYYY-MM-DD, e.g. 2026-11-25.");
            }
        });
    }
}
