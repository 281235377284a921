package dev.pce.pkm.note;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Parses one note file's bytes into a {@link Note}, or reports why it cannot. Never throws for bad content.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>A file larger than {@link ParseOptions#maxNoteBytes()} is {@link NoteProblem.Kind#OVERSIZE}.</li>
 *   <li>A file with a NUL byte or bytes that are not UTF-8 is {@link NoteProblem.Kind#BINARY}.</li>
 *   <li>A UTF-8 byte order mark is dropped; CRLF and lone CR line ends become LF ({@link LineEnds}).</li>
 *   <li>Front matter: see {@link FrontMatterBlock}; YAML that does not parse, repeats a key, or is not a mapping
 *       is {@link NoteProblem.Kind#BAD_YAML}, and so is a first {@code ---} line that is never closed.</li>
 *   <li>Id: the front matter's {@code id} when present and valid, else the file name without {@code .md}.</li>
 *   <li>Title: the front matter's {@code title}, else the first {@code # heading} outside code, else the id's
 *       {@link NoteId#slug() slug}.</li>
 * </ol>
 */
public final class NoteParser {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private final ParseOptions options;

    public NoteParser(ParseOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public NoteParser() {
        this(ParseOptions.DEFAULTS);
    }

    public ParseOptions options() {
        return options;
    }

    /**
     * @param path    the file's path relative to the vault root, {@code /}-separated, ending in {@code .md}
     * @param content the file's bytes
     */
    public ParseResult parse(String path, byte[] content) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        try {
            return parseOrThrow(path, content);
        } catch (RuntimeException e) {
            // a defect in the parser must not stop a scan of the whole vault
            return new ParseResult.Problem(new NoteProblem(path, NoteProblem.Kind.UNREADABLE,
                    "PCE failed to parse the note (" + e + "); this is a defect in PCE.",
                    "Report it with the note attached; meanwhile the note is left out of the index."));
        }
    }

    /** As {@link #parse(String, byte[])}, but a defect escapes as the exception it is (for the fuzz target). */
    ParseResult parseOrThrow(String path, byte[] content) {
        if (content.length > options.maxNoteBytes()) {
            return oversize(path, content.length, options.maxNoteBytes());
        }
        for (byte b : content) {
            if (b == 0) {
                return binary(path, "has NUL bytes");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, startAfterBom(content), content.length - startAfterBom(content)))
                    .toString();
        } catch (CharacterCodingException e) {
            return binary(path, "is not valid UTF-8 text");
        }
        text = LineEnds.toLf(text);

        FrontMatterBlock block = FrontMatterBlock.split(text);
        if (block.unclosed()) {
            return new ParseResult.Problem(new NoteProblem(path, NoteProblem.Kind.BAD_YAML,
                    "The first line '---' opens front matter, but no later '---' line closes it.",
                    "Add a '---' line after the front matter, or remove the first line if the note has none."));
        }
        FrontMatter frontMatter = FrontMatter.EMPTY;
        List<NoteProblem> warnings = List.of();
        if (block.yaml().isPresent()) {
            switch (FrontMatterReader.read(path, block.yaml().get())) {
                case FrontMatterReader.Unusable unusable -> {
                    return new ParseResult.Problem(unusable.problem());
                }
                case FrontMatterReader.Read read -> {
                    frontMatter = read.frontMatter();
                    warnings = read.warnings();
                }
            }
        }

        NoteId id;
        if (frontMatter.id().isPresent()) {
            id = frontMatter.id().get();
        } else {
            String stem = stem(path);
            if (!NoteId.isValidName(stem)) {
                return new ParseResult.Problem(new NoteProblem(path, NoteProblem.Kind.BAD_NAME,
                        "The file name '" + NoteId.clip(stem) + "' cannot be a note id.",
                        "Rename the file (no control characters, no leading '.' or surrounding spaces), or give the "
                                + "note an 'id' in its front matter."));
            }
            id = new NoteId(stem);
        }

        BodyScanner.Found found = BodyScanner.scan(block.body(), block.bodyLine());
        String title = frontMatter.title().or(found::firstHeading).orElse(id.slug());
        Note note = new Note(id, path, title, frontMatter, block.body(), found.links(), found.tags(),
                sha256(content), content.length);
        return new ParseResult.Parsed(note, warnings);
    }

    /** Parses markdown text as if it were the UTF-8 file at {@code path}. */
    public ParseResult parse(String path, String markdown) {
        return parse(path, markdown.getBytes(StandardCharsets.UTF_8));
    }

    /** The problem for a file of {@code size} bytes over {@code limit}; the vault reports it without reading. */
    public static ParseResult oversize(String path, long size, long limit) {
        return new ParseResult.Problem(new NoteProblem(path, NoteProblem.Kind.OVERSIZE,
                "The file has " + size + " bytes, more than the limit of " + limit + " bytes for a note.",
                "Split the note into smaller notes, move large data out of the vault, or raise the limit."));
    }

    private static ParseResult binary(String path, String what) {
        return new ParseResult.Problem(new NoteProblem(path, NoteProblem.Kind.BINARY,
                "The file " + what + ", so it is not a markdown note.",
                "Save the note as UTF-8 text, or move binary files out of the vault or rename them so they do not "
                        + "end in .md."));
    }

    private static int startAfterBom(byte[] content) {
        return content.length >= 3 && content[0] == BOM[0] && content[1] == BOM[1] && content[2] == BOM[2] ? 3 : 0;
    }

    /** The file name without directories and without {@code .md}. */
    static String stem(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.regionMatches(true, name.length() - 3, ".md", 0, 3) ? name.substring(0, name.length() - 3) : name;
    }

    /** SHA-256 of {@code content}, lower-case hex. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
