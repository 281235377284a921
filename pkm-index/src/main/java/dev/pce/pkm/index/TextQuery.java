package dev.pce.pkm.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The text's words, any of them matching, each counted once ({@link #counted}) and scored in each of its
     * indexed forms (as written and its stem, at one position) over the text fields together ({@link #word}).
     */
    private static Query words(String text, Analyzer analyzer) {
        List<List<Query>> words = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream(IndexFields.BODY, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute position = tokens.addAttribute(PositionIncrementAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (position.getPositionIncrement() > 0 || words.isEmpty()) {
                    words.add(new ArrayList<>());
                }
                words.getLast().add(word(term.toString()));
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysing a string reads no file
        }
        if (words.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        words.forEach(forms -> any.add(counted(anyOf(forms)), BooleanClause.Occur.SHOULD));
        return words.size() == 1 ? counted(anyOf(words.getFirst())) : any.build();
    }

    private static Query anyOf(List<Query> forms) {
        if (forms.size() == 1) {
            return forms.getFirst();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        forms.forEach(form -> any.add(form, BooleanClause.Occur.SHOULD));
        return any.build();
    }

    /**
     * A word's score plus a constant 1 when it matches at all: a note that has more of the searched words ranks
     * above one that repeats fewer of them (the notes a person remembers contain every word they type).
     */
    private static Query counted(Query word) {
        return new BooleanQuery.Builder()
                .add(word, BooleanClause.Occur.SHOULD)
                .add(new ConstantScoreQuery(word), BooleanClause.Occur.SHOULD)
                .build();
    }

    /**
     * One analysed word scored BM25F-style: its occurrences in the title, tags and body are summed with the fields'
     * weights into one term frequency, against one combined length and one document frequency. A word of a
     * note's short title thus counts like a few more occurrences in that note, instead of a separate title score
     * that outweighs several matching words of another note's body.
     */
    static Query word(String analysed) {
        CombinedFieldQuery.Builder combined = new CombinedFieldQuery.Builder();
        IndexFields.TEXT_WEIGHTS.forEach(combined::addField);
        return combined.addTerm(new BytesRef(analysed)).build();
    }

    private static boolean isEmpty(Query query) {
        return query instanceof BooleanQuery bool && bool.clauses().isEmpty();
    }

    private static String clip(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    /**
     * The classic parser over the text fields, refusing unknown fields and regexes: plain words are scored over the
     * fields together ({@link #word}); phrases, prefixes and fuzzy terms over each field with its weight as boost.
     */
    final class Parser extends MultiFieldQueryParser {
        Parser(Analyzer analyzer) {
            super(IndexFields.TEXT_FIELDS, analyzer, IndexFields.TEXT_WEIGHTS);
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
            if (field == null && !quoted) {
                return words(queryText, getAnalyzer()); // null: only stop words, the parser drops the clause
            }
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
