package dev.pce.pkm.index;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;

import java.util.Objects;
import java.util.Optional;

/**
 * A search: free text, filters and a page of results.
 *
 * <p>The text uses Lucene's classic syntax: words (any matches, ranked by BM25), {@code "phrases"}, {@code +must}
 * and {@code -must_not}, {@code AND}/{@code OR}/{@code NOT}, {@code prefix*}, {@code fuzzy~}, and the fields
 * {@code title:}, {@code tags:}, {@code body:}, {@code tag:}, {@code type:}, {@code status:}, {@code project:},
 * {@code id:}, {@code path:}, {@code vault:}. Text that does not parse is searched as plain words. Empty text (or
 * {@code *}) lists the notes that pass the filters, newest first.
 *
 * @param text    at most {@value #MAX_TEXT} characters
 * @param offset  hits to skip, 0 to {@value #MAX_OFFSET}
 * @param limit   hits to return, 1 to {@value #MAX_LIMIT}
 * @param mode    how to rank; empty: hybrid once the semantic model is ready, lexical until then. The semantic
 *                ranking embeds the text as written (field names and operators included) and applies the filters.
 */
public record SearchQuery(String text, SearchFilters filters, int offset, int limit, Optional<SearchMode> mode) {
    public static final int MAX_TEXT = 2_000;
    public static final int MAX_OFFSET = 10_000;
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 10;

    public SearchQuery {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(filters, "filters");
        Objects.requireNonNull(mode, "mode");
        if (text.length() > MAX_TEXT) {
            throw invalid("The search text has " + text.length() + " characters, more than " + MAX_TEXT + ".",
                    "Search for a few distinctive words instead of a whole document; use 'more like this' for that.");
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw invalid("The offset " + offset + " is outside 0.." + MAX_OFFSET + ".",
                    "Give an offset from 0 to " + MAX_OFFSET + "; narrow the search to see hits beyond that.");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw invalid("The limit " + limit + " is outside 1.." + MAX_LIMIT + ".",
                    "Give a limit from 1 to " + MAX_LIMIT + ".");
        }
    }

    /** A search in the default mode. */
    public SearchQuery(String text, SearchFilters filters, int offset, int limit) {
        this(text, filters, offset, limit, Optional.empty());
    }

    /** The first {@value #DEFAULT_LIMIT} hits for {@code text}, unfiltered. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, SearchFilters.NONE, 0, DEFAULT_LIMIT);
    }

    public SearchQuery filtered(SearchFilters newFilters) {
        return new SearchQuery(text, newFilters, offset, limit, mode);
    }

    public SearchQuery page(int newOffset, int newLimit) {
        return new SearchQuery(text, filters, newOffset, newLimit, mode);
    }

    public SearchQuery in(SearchMode newMode) {
        return new SearchQuery(text, filters, offset, limit, Optional.of(newMode));
    }

    private static CeException invalid(String message, String fix) {
        return new CeException(ErrorCode.INVALID_ARGUMENT, message, fix);
    }
}
