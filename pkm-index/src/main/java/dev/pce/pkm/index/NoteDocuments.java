package dev.pce.pkm.index;

import dev.pce.pkm.note.Note;
import dev.pce.pkm.note.NoteDate;
import dev.pce.pkm.note.NoteIds;
import dev.pce.pkm.note.Tags;
import dev.pce.pkm.vault.NoteFile;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.pce.pkm.index.IndexFields.fold;

/** Turns a parsed note into its index document; see {@link IndexFields} for the fields. */
final class NoteDocuments {
    /** Stored English text with offsets in the postings, so highlighting needs no second analysis. */
    private static final FieldType TEXT;

    static {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        TEXT = type;
    }

    private NoteDocuments() {
    }

    /** Characters of a note embedded: the title and the body's start, where a note says what it is about. */
    static final int EMBEDDED_CHARS = 2_000;

    static Document document(String vault, Note note, NoteFile file) {
        return document(vault, note, file, Optional.empty());
    }

    /** The document, with the note's embedding when one is given. */
    static Document document(String vault, Note note, NoteFile file, Optional<float[]> vector) {
        Document doc = new Document();
        vector.ifPresent(v -> doc.add(new KnnFloatVectorField(IndexFields.VECTOR, v,
                VectorSimilarityFunction.DOT_PRODUCT)));
        doc.add(new StringField(IndexFields.PATH, note.path(), Field.Store.YES));
        doc.add(new StringField(IndexFields.VAULT, vault, Field.Store.YES));
        doc.add(new StringField(IndexFields.ID, note.id().value(), Field.Store.YES));
        doc.add(new StoredField(IndexFields.CLAIM, IndexedFile.encode(NoteIds.Claim.of(note))));
        doc.add(new Field(IndexFields.TITLE, note.title(), TEXT));
        List<String> aliases = note.frontMatter().aliases();
        for (String alias : aliases) {
            doc.add(new Field(IndexFields.ALIASES, alias, TEXT));
        }
        doc.add(new Field(IndexFields.BODY, note.body(), TEXT));
        Set<String> tagKeys = new HashSet<>();
        for (String tag : note.tags()) {
            doc.add(new Field(IndexFields.TAGS, tag, TEXT));
            for (String key : Tags.withParents(fold(tag))) {
                if (tagKeys.add(key)) {
                    doc.add(new StringField(IndexFields.TAG, key, Field.Store.NO));
                }
            }
        }
        var fm = note.frontMatter();
        exact(doc, IndexFields.TYPE, note.type());
        exact(doc, IndexFields.STATUS, fm.status());
        exact(doc, IndexFields.PROJECT, fm.project());
        note.date().ifPresent(date -> addDate(doc, date));
        doc.add(new StoredField(IndexFields.HASH, note.contentHash()));
        StringBuilder node = new StringBuilder(note.id().value()).append(IndexFields.NODE_SEPARATOR)
                .append(note.path()).append(IndexFields.NODE_SEPARATOR).append(note.title());
        aliases.forEach(alias -> node.append(IndexFields.NODE_SEPARATOR).append(alias));
        doc.add(new BinaryDocValuesField(IndexFields.NODE, new BytesRef(node.toString())));
        for (String target : note.linkTargets()) {
            doc.add(new SortedSetDocValuesField(IndexFields.LINKS, new BytesRef(target)));
        }
        doc.add(new NumericDocValuesField(IndexFields.MODIFIED, file.modified()));
        doc.add(new NumericDocValuesField(IndexFields.SIZE, file.size()));
        return doc;
    }

    /** The text whose embedding stands for the note. */
    static String embeddedText(Note note) {
        String text = note.title() + "\n\n" + note.body();
        return text.length() <= EMBEDDED_CHARS ? text : text.substring(0, EMBEDDED_CHARS);
    }

    private static void exact(Document doc, String field, Optional<String> value) {
        value.ifPresent(v -> {
            doc.add(new StringField(field, fold(v), Field.Store.NO));
            doc.add(new StoredField(field, v));
        });
    }

    private static void addDate(Document doc, NoteDate date) {
        long day = date.day().toEpochDay();
        doc.add(new LongPoint(IndexFields.DATE, day));
        doc.add(new NumericDocValuesField(IndexFields.DATE, day));
        doc.add(new StoredField(IndexFields.DATE, date.text()));
    }
}
