package dev.pce.pkm.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

import java.util.Optional;

/**
 * The free text of a search, turned into a Lucene query without ever failing on user input: text that does not
 * parse (unbalanced brackets or quotes, a stray {@code AND}, unknown fields, regular expressions) is searched as
 * plain words.
 */
sealed interface TextQuery {

    /** Match the text's words; ranked. */
    record Ranked(Query query, Optional<String> notice) implements TextQuery {
    }

    /** No text: every note that passes the filters. */
    record All() implements TextQuery {
    }

    /** Text without a searchable word (only stop words or punctuation): nothing matches. */
    record Nothing(String notice) implements TextQuery {
    }

    static TextQuery parse(String text, Analyzer analyzer) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.equals("*") || trimmed.equals("*:*")) {
            return new All();
        }
        try {
            Query query = new Parser(analyzer).parse(trimmed);
            if (!(query instanceof MatchNoDocsQuery) && !isEmpty(query)) {
                return new Ranked(query, Optional.empty());
            }
        } catch (ParseException | IllegalArgumentException | IndexSearcher.TooManyClauses e) {
            // fall through to plain words
        }
        Query words = words(trimmed, analyzer);
        if (words == null) {
            return new Nothing("The search text '" + clip(trimmed) + "' has no searchable words (only common words "
                    + "or punctuation), so nothing matched.");
        }
        return new Ranked(words, Optional.of("The search text did not parse as a query ('" + clip(trimmed)
                + "'); it was searched as plain words."));
    }

    /** The text's words in every text field, any of them matching, with the field boosts. */
    private static Query words(String text, Analyzer analyzer) {
        QueryBuilder builder = new QueryBuilder(analyzer);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        boolean found = false;
        for (String field : IndexFields.TEXT_FIELDS) {
            Query query = builder.createBooleanQuery(field, text, BooleanClause.Occur.SHOULD);
            if (query != null) {
                any.add(new BoostQuery(query, IndexFields.TEXT_BOOSTS.get(field)), BooleanClause.Occur.SHOULD);
                found = true;
            }
        }
        return found ? any.build() : null;
    }

    private static boolean isEmpty(Query query) {
        return query instanceof BooleanQuery bool && bool.clauses().isEmpty();
    }

    private static String clip(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    /** The classic parser over the text fields with their boosts, refusing unknown fields and regexes. */
    final class Parser extends MultiFieldQueryParser {
        Parser(Analyzer analyzer) {
            super(IndexFields.TEXT_FIELDS, analyzer, IndexFields.TEXT_BOOSTS);
            setAllowLeadingWildcard(false);
        }

        private static void check(String field) throws ParseException {
            if (field != null && !IndexFields.QUERYABLE.contains(field)) {
                throw new ParseException("unknown field " + field);
            }
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            check(field);
            return super.getFieldQuery(field, queryText, quoted);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
            check(field);
            return super.getFieldQuery(field, queryText, slop);
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            check(field);
            return super.getWildcardQuery(field, termStr);
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            check(field);
            return super.getPrefixQuery(field, termStr);
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            check(field);
            return super.getFuzzyQuery(field, termStr, minSimilarity);
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                      boolean endInclusive) throws ParseException {
            check(field);
            return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            // '/' is common in tags and paths; a regex over the index is costly: read it as words
            throw new ParseException("regular expressions are not supported");
        }
    }
}
