package dev.pce.pkm.vault;

import dev.pce.engine.AtomicFile;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.pkm.note.Note;
import dev.pce.pkm.note.NoteDraft;
import dev.pce.pkm.note.NoteIds;
import dev.pce.pkm.note.NoteParser;
import dev.pce.pkm.note.NoteProblem;
import dev.pce.pkm.note.ParseOptions;
import dev.pce.pkm.note.ParseResult;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A directory of markdown notes (an Obsidian vault, or PCE's own). Reads and writes only inside its root: see
 * {@link VaultPaths} for the path rules. A file with more than one hard link is neither listed nor read: its other
 * names may lie outside the root, and a hard link cannot be told from the original. Scanning never stops at a bad
 * file; it reports the file and goes on.
 */
public final class Vault {
    private final Path root;
    private final VaultPaths paths;
    private final NoteParser parser;

    private Vault(Path root, NoteParser parser) {
        this.root = root;
        this.paths = new VaultPaths(root);
        this.parser = parser;
    }

    /** Opens the vault at {@code root}, which must be an existing directory. */
    public static Vault open(Path root) {
        return open(root, ParseOptions.DEFAULTS);
    }

    public static Vault open(Path root, ParseOptions options) {
        Objects.requireNonNull(root, "root");
        Path real;
        try {
            real = root.toRealPath();
        } catch (IOException e) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "The vault directory " + root + " does not exist.",
                    "Create it, or set CE_VAULT to an existing directory of markdown notes.", e);
        }
        if (!Files.isDirectory(real)) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "The vault path " + root + " is not a directory.",
                    "Set CE_VAULT to a directory of markdown notes.");
        }
        return new Vault(real, new NoteParser(options));
    }

    /** The root directory, absolute with symbolic links resolved. */
    public Path root() {
        return root;
    }

    /** The path rules of this vault, for callers that need an absolute note path. */
    public VaultPaths paths() {
        return paths;
    }

    /**
     * Reads every note under the root: files ending in {@code .md}, outside hidden directories ({@code .obsidian},
     * {@code .trash}, {@code .git}, ...). Directory links are not followed; file links are read when they lead to
     * a file inside the vault and reported when they lead outside. Every note gets a unique id ({@link #collect}).
     */
    public ScanResult scan() {
        VaultListing listing = list();
        List<ParseResult> results = new ArrayList<>();
        for (NoteFile file : listing.files()) {
            results.add(read(file));
        }
        return collect(results, listing.problems());
    }

    /**
     * Finds every note file, as {@link #scan()} does, without reading any: for an index that reads only the files
     * whose modification time or size changed.
     */
    public VaultListing list() {
        List<NoteFile> files = new ArrayList<>();
        List<NoteProblem> problems = new ArrayList<>();
        try {
            Files.walkFileTree(root, new Walker(files, problems));
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO, "Cannot list the vault " + root + ": " + e.getMessage(),
                    "Check that the vault directory is readable.", e);
        }
        files.sort(Comparator.comparing(NoteFile::path));
        problems.sort(Comparator.comparing(NoteProblem::path));
        return new VaultListing(files, problems);
    }

    /**
     * The note file at {@code relativePath}, if a regular file (or a link to one inside the vault) is there now.
     * A path that breaks the path rules or leads outside the vault is an {@link ErrorCode#INVALID_ARGUMENT}.
     */
    public Optional<NoteFile> file(String relativePath) {
        String normalized = VaultPaths.normalize(relativePath);
        Path file = paths.resolve(normalized);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Path real = paths.requireInside(file, normalized);
        try {
            BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return attrs.isRegularFile() ? Optional.of(noteFile(normalized, real, attrs)) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty(); // deleted since the check
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO, "Cannot read the attributes of " + normalized + ": "
                    + e.getMessage(), "Check the file's permissions.", e);
        }
    }

    /** Reads and parses a listed file; every failure (including a file deleted since) becomes a problem. */
    public ParseResult read(NoteFile file) {
        return load(file.path(), file.file());
    }

    /**
     * Turns parse results into a scan result: problems kept, and every note given its unique id ({@link NoteIds}:
     * a note whose file name an earlier note has gets its path as id; a second note with the same front matter id
     * is reported as {@link NoteProblem.Kind#DUPLICATE_ID}).
     */
    public static ScanResult collect(List<ParseResult> parsed, List<NoteProblem> listingProblems) {
        List<ParseResult> results = new ArrayList<>(parsed);
        List<NoteProblem> problems = new ArrayList<>(listingProblems);
        results.sort(Comparator.comparing(ParseResult::path));
        List<ParseResult.Parsed> notes = new ArrayList<>();
        for (ParseResult result : results) {
            switch (result) {
                case ParseResult.Problem problem -> problems.add(problem.problem());
                case ParseResult.Parsed parsedNote -> notes.add(parsedNote);
            }
        }
        Map<String, NoteIds.Assignment> ids = NoteIds.assign(notes.stream()
                .map(parsedNote -> NoteIds.Claim.of(parsedNote.note())).toList());
        List<Note> kept = new ArrayList<>();
        List<NoteProblem> warnings = new ArrayList<>();
        for (ParseResult.Parsed parsedNote : notes) {
            Note note = parsedNote.note();
            switch (ids.get(note.path())) {
                case NoteIds.Assigned assigned -> {
                    kept.add(assigned.id().equals(note.id()) ? note : note.withId(assigned.id()));
                    warnings.addAll(parsedNote.warnings());
                }
                case NoteIds.Refused refused -> problems.add(refused.problem());
            }
        }
        problems.sort(Comparator.comparing(NoteProblem::path));
        return new ScanResult(kept, problems, warnings);
    }

    private static NoteFile noteFile(String relative, Path real, BasicFileAttributes attrs) {
        return new NoteFile(relative, real, attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS), attrs.size());
    }

    /**
     * Reads the note at {@code relativePath}. A path that leaves the vault, or names no file, is an
     * {@link ErrorCode#INVALID_ARGUMENT}; a file that is not a usable note is a {@link ParseResult.Problem}.
     */
    public ParseResult read(String relativePath) {
        String normalized = VaultPaths.normalize(relativePath);
        return load(normalized, existing(normalized));
    }

    /**
     * Creates the note of {@code draft}, with its folders. The file is created atomically and only if no file has
     * its name: an existing note is never overwritten ({@link ErrorCode#CONFLICT}). Returns the note as parsed
     * from what was written.
     */
    public Note create(NoteDraft draft) {
        String normalized = VaultPaths.normalize(draft.path());
        paths.resolve(normalized); // the path's rules before the note's
        byte[] content = draft.render().getBytes(StandardCharsets.UTF_8);
        Note note = parsed(normalized, draft);
        createFile(normalized, content);
        return note;
    }

    /** Creates the file of a new note, atomically and only if no file has its name. */
    private void createFile(String normalized, byte[] content) {
        Path file = paths.resolve(normalized);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw exists(normalized);
        }
        try {
            Files.createDirectories(file.getParent());
            paths.requireInside(file.getParent(), normalized); // a link may have appeared on the way
            AtomicFiles.createNew(file, content);
        } catch (FileAlreadyExistsException e) {
            throw exists(normalized);
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO, "Cannot write the note " + normalized + ": " + e.getMessage(),
                    "Check that the vault directory is writable and the disk is not full.", e);
        }
    }

    /**
     * Writes the note of {@code draft} over the note at its path, all at once: a reader sees the old note or the new
     * one, never half. Only for a note its writer owns (PCE's automatic insight notes); {@link #create} never
     * overwrites. Returns the note as parsed from what was written.
     *
     * @throws CeException {@code INVALID_ARGUMENT} when no note file is there or the path leads outside the vault
     */
    public Note replace(NoteDraft draft) {
        String normalized = VaultPaths.normalize(draft.path());
        Note note = parsed(normalized, draft);
        if (file(normalized).isEmpty()) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "There is no note at " + normalized + " to replace.",
                    "Create the note instead.");
        }
        Path file = paths.requireInside(paths.resolve(normalized), normalized);
        AtomicFile.write(file, draft.render().getBytes(StandardCharsets.UTF_8));
        return note;
    }

    /** A note file's bytes as they are now, and their SHA-256 (the note's version, {@link Note#contentHash()}). */
    public record Content(String path, byte[] bytes, String version) {
    }

    /**
     * The bytes of the note at {@code relativePath}, with the checks of {@link #read(String)}.
     *
     * @throws CeException {@code INVALID_ARGUMENT} when no readable note is there
     */
    public Content content(String relativePath) {
        String normalized = VaultPaths.normalize(relativePath);
        Path real = existing(normalized);
        Optional<NoteProblem> linked = hardLinked(normalized, real);
        if (linked.isPresent()) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, linked.get().what(), linked.get().fix());
        }
        try {
            byte[] bytes = Files.readAllBytes(real);
            return new Content(normalized, bytes, NoteParser.sha256(bytes));
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO, "Cannot read the note " + normalized + ": " + e.getMessage(),
                    "Check the file's permissions.", e);
        }
    }

    /**
     * Writes {@code content} over the note at {@code relativePath}, all at once, if the note is still the version
     * {@code expectedVersion} (else {@link ErrorCode#CONFLICT}: someone changed it since it was read). The content
     * must parse as a note. The version is checked just before the write; a change in the instant between is the
     * one race left.
     */
    public Note overwrite(String relativePath, String expectedVersion, byte[] content) {
        String normalized = VaultPaths.normalize(relativePath);
        Note note = parse(normalized, content);
        requireVersion(normalized, expectedVersion);
        AtomicFile.write(existing(normalized), content);
        return note;
    }

    /**
     * Moves the note at {@code from}, still the version {@code expectedVersion}, to {@code to} with
     * {@code content}: the new file is created atomically and only if no file has its name
     * ({@link ErrorCode#CONFLICT}), then the old one is removed. Returns the note as parsed at its new path.
     */
    public Note move(String from, String expectedVersion, String to, byte[] content) {
        String source = VaultPaths.normalize(from);
        String target = VaultPaths.normalize(to);
        Note note = parse(target, content);
        requireVersion(source, expectedVersion);
        createFile(target, content);
        requireVersion(source, expectedVersion); // changed while the copy was written: keep both, lose nothing
        remove(source);
        return note;
    }

    /** Deletes the note at {@code relativePath} if it is still the version {@code expectedVersion}. */
    public void delete(String relativePath, String expectedVersion) {
        String normalized = VaultPaths.normalize(relativePath);
        requireVersion(normalized, expectedVersion);
        remove(normalized);
    }

    private void requireVersion(String normalized, String expectedVersion) {
        String now = content(normalized).version();
        if (!now.equals(expectedVersion)) {
            throw new CeException(ErrorCode.CONFLICT, "The note " + normalized + " changed since version "
                    + clipVersion(expectedVersion) + " was read (it is " + clipVersion(now) + " now); nothing was "
                    + "changed.", "Read the note again (ce_note or 'ce note show' gives its version) and make "
                    + "the change on what it says now.");
        }
    }

    private static String clipVersion(String version) {
        return version.length() <= 12 ? "'" + version + "'" : "'" + version.substring(0, 12) + "...'";
    }

    private void remove(String normalized) {
        try {
            Files.delete(paths.resolve(normalized)); // a link is removed, never what it leads to
            AtomicFiles.forceDirectory(paths.resolve(normalized).getParent());
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO, "Cannot delete the note " + normalized + ": " + e.getMessage(),
                    "Check that the vault directory is writable.", e);
        }
    }

    /** The real path of the existing note file at {@code normalized}, inside the vault. */
    private Path existing(String normalized) {
        Path file = paths.resolve(normalized);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "There is no note at " + normalized + " in the vault.",
                    "Give the path of an existing note relative to the vault root, with its .md.");
        }
        Path real = paths.requireInside(file, normalized);
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, normalized + " is not a file.",
                    "Give the path of a note file, not of a folder.");
        }
        return real;
    }

    /**
     * {@code content} parsed as the note at {@code normalized} (a normalized path).
     *
     * @throws CeException {@code INVALID_ARGUMENT} saying why it would not be a readable note
     */
    public Note parse(String normalized, byte[] content) {
        return switch (parser.parse(normalized, content)) {
            case ParseResult.Parsed parsed -> parsed.note();
            case ParseResult.Problem problem -> throw new CeException(ErrorCode.INVALID_ARGUMENT,
                    "The note " + normalized + " would not be readable: " + problem.problem().what(),
                    problem.problem().fix());
        };
    }

    private Note parsed(String normalized, NoteDraft draft) {
        return parse(normalized, draft.render().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code note} (its front matter and body) as a new file at its path; see {@link #create}. */
    public Note write(Note note) {
        return create(NoteDraft.of(note));
    }

    private static CeException exists(String path) {
        return new CeException(ErrorCode.CONFLICT, "A note already exists at " + path + "; notes are never "
                + "overwritten.", "Choose another title or id for the new note, or edit the existing note itself.");
    }

    /** Reads and parses one file whose real path is {@code real}; every failure becomes a problem. */
    private ParseResult load(String relativePath, Path real) {
        Optional<NoteProblem> linked = hardLinked(relativePath, real);
        if (linked.isPresent()) {
            return new ParseResult.Problem(linked.get());
        }
        long limit = parser.options().maxNoteBytes();
        try (SeekableByteChannel channel = Files.newByteChannel(real, StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            if (size > limit) {
                return NoteParser.oversize(relativePath, size, limit);
            }
            // read one byte more than allowed, in case the file grows while it is read
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(limit + 1, size + 1));
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // keep reading
            }
            if (buffer.position() > limit) {
                return NoteParser.oversize(relativePath, buffer.position(), limit);
            }
            byte[] content = new byte[buffer.position()];
            buffer.flip().get(content);
            return parser.parse(relativePath, content);
        } catch (IOException e) {
            return new ParseResult.Problem(new NoteProblem(relativePath, NoteProblem.Kind.UNREADABLE,
                    "The file cannot be read: " + e.getMessage(), "Check the file's permissions."));
        }
    }

    /**
     * The problem of a regular file with more than one hard link (checked where the file system counts links; not
     * on Windows). Its other names may lie outside the vault, where anyone may write, or name a file the vault must
     * not show (a hard link to a private file is a file of the vault by every other test).
     */
    static Optional<NoteProblem> hardLinked(String relativePath, Path real) {
        int links;
        try {
            links = ((Number) Files.getAttribute(real, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty(); // no link count here
        } catch (IOException e) {
            return Optional.empty(); // gone or unreadable: reading it reports that
        }
        if (links <= 1) {
            return Optional.empty();
        }
        return Optional.of(new NoteProblem(relativePath, NoteProblem.Kind.HARD_LINKED, "The file has " + links
                + " hard links: another name of it may lie outside the vault, so it was not read.",
                "Give the note one name: copy it into the vault (cp, not ln) and remove the hard link, or keep it "
                        + "outside the vault."));
    }

    /** Walks the vault without following directory links, collecting note files and problems. */
    private final class Walker extends SimpleFileVisitor<Path> {
        private final List<NoteFile> files;
        private final List<NoteProblem> problems;

        Walker(List<NoteFile> files, List<NoteProblem> problems) {
            this.files = files;
            this.problems = problems;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (!dir.equals(root) && dir.getFileName().toString().startsWith(".")) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String name = file.getFileName().toString();
            if (name.startsWith(".")) {
                return FileVisitResult.CONTINUE;
            }
            String relative = paths.relative(file);
            if (attrs.isSymbolicLink()) {
                link(file, relative, VaultPaths.isNoteFileName(name));
            } else if (attrs.isRegularFile() && VaultPaths.isNoteFileName(name)) {
                add(relative, file, attrs);
            }
            return FileVisitResult.CONTINUE;
        }

        /** A regular note file, listed unless it has other names ({@link #hardLinked}). */
        private void add(String relative, Path real, BasicFileAttributes attrs) {
            hardLinked(relative, real).ifPresentOrElse(problems::add,
                    () -> files.add(noteFile(relative, real, attrs)));
        }

        /** A link: a note link inside the vault is read; any link to a note or directory outside is reported. */
        private void link(Path link, String relative, boolean noteName) {
            Path target;
            try {
                target = link.toRealPath();
            } catch (NoSuchFileException e) {
                if (noteName) {
                    problems.add(new NoteProblem(relative, NoteProblem.Kind.UNREADABLE,
                            "The file is a symbolic link whose target is missing.",
                            "Remove the link or restore its target."));
                }
                return;
            } catch (IOException e) {
                if (noteName) {
                    problems.add(new NoteProblem(relative, NoteProblem.Kind.UNREADABLE,
                            "The symbolic link cannot be resolved (a folder on its way cannot be read).",
                            "Remove the link or fix its target."));
                }
                return;
            }
            boolean directory = Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS);
            if (!target.startsWith(root)) {
                if (noteName || directory) {
                    // named by the link, never by where it leads
                    problems.add(new NoteProblem(relative, NoteProblem.Kind.OUTSIDE_VAULT,
                            "The " + (directory ? "directory" : "file") + " is a symbolic link that leads outside "
                                    + "the vault; it was not read.",
                            "Move the " + (directory ? "notes" : "note") + " into the vault instead of linking "
                                    + "them, or remove the link."));
                }
                return;
            }
            if (noteName && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    add(relative, target, Files.readAttributes(target, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS));
                } catch (IOException e) {
                    problems.add(new NoteProblem(relative, NoteProblem.Kind.UNREADABLE,
                            "The symbolic link's target cannot be read.",
                            "Remove the link or fix its target."));
                }
            }
            // a directory link inside the vault is not followed: its notes are found where they really are
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString();
            if (!name.startsWith(".")) {
                problems.add(new NoteProblem(paths.relative(file), NoteProblem.Kind.UNREADABLE,
                        "Cannot read " + (VaultPaths.isNoteFileName(name) ? "the file" : "this folder") + ": "
                                + e.getMessage(), "Check its permissions."));
            }
            return FileVisitResult.CONTINUE;
        }
    }
}
