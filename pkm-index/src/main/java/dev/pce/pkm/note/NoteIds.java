package dev.pce.pkm.note;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Gives every note of a vault a unique id, whatever its file name. A note asks for an id ({@link Claim}): its front
 * matter's {@code id} (explicit) or its file name without {@code .md}. Of the notes asking for the same id:
 * <ol>
 *   <li>the first in path order with an explicit id gets it; a later note with the same explicit id is a
 *       {@link NoteProblem.Kind#DUPLICATE_ID} problem (two notes claim the same id on purpose: the user must
 *       choose);</li>
 *   <li>without an explicit one, the first in path order gets it, so the id of a note whose name was unique stays
 *       what it was when a later note with that name comes;</li>
 *   <li>every other note gets its vault-relative path without {@code .md} ({@code b/Dup}), unique by
 *       construction; only when that path is too long for an id, or is another note's explicit id, is the note a
 *       problem.</li>
 * </ol>
 * The answer depends on the claims only, never on the order they come in, so a rebuilt index gives the same ids.
 */
public final class NoteIds {

    /** The id a note asks for. */
    public record Claim(String path, NoteId id, boolean explicit) {
        public Claim {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(id, "id");
        }

        /** What {@code note} asks for: its front matter's id, else its file name's. */
        public static Claim of(Note note) {
            Optional<NoteId> explicit = note.frontMatter().id();
            return new Claim(note.path(), explicit.orElseGet(() -> new NoteId(NoteParser.stem(note.path()))),
                    explicit.isPresent());
        }
    }

    /** The outcome for one note. */
    public sealed interface Assignment {
    }

    /** The note is indexed under {@code id}. */
    public record Assigned(NoteId id) implements Assignment {
    }

    /** The note cannot be given an id and is left out. */
    public record Refused(NoteProblem problem) implements Assignment {
    }

    private NoteIds() {
    }

    /** The assignment of every claim, by path. */
    public static Map<String, Assignment> assign(List<Claim> claims) {
        List<Claim> sorted = new ArrayList<>(claims);
        sorted.sort(Comparator.comparing(Claim::path));
        Map<NoteId, List<Claim>> byId = new LinkedHashMap<>();
        for (Claim claim : sorted) {
            byId.computeIfAbsent(claim.id(), id -> new ArrayList<>()).add(claim);
        }
        Map<String, Assignment> result = new HashMap<>();
        Set<NoteId> taken = new HashSet<>(byId.keySet());
        List<Claim> pathIds = new ArrayList<>();
        for (Map.Entry<NoteId, List<Claim>> entry : byId.entrySet()) {
            List<Claim> group = entry.getValue();
            Claim winner = group.stream().filter(Claim::explicit).findFirst().orElse(group.getFirst());
            result.put(winner.path(), new Assigned(entry.getKey()));
            for (Claim other : group) {
                if (other == winner) {
                    continue;
                }
                if (other.explicit()) {
                    result.put(other.path(), new Refused(duplicate(other.path(), other.id().value(),
                            winner.path())));
                } else {
                    pathIds.add(other);
                }
            }
        }
        for (Claim claim : pathIds) {
            Optional<NoteId> id = NoteId.ofPath(claim.path()).filter(taken::add);
            result.put(claim.path(), id.<Assignment>map(Assigned::new).orElseGet(() -> new Refused(
                    new NoteProblem(claim.path(), NoteProblem.Kind.DUPLICATE_ID, "The note id '"
                            + NoteId.clip(claim.id().value()) + "' is another note's, and the path cannot be its id "
                            + "(longer than " + NoteId.MAX_LENGTH + " characters, or another note's id).",
                            "Rename the file, or give the note an 'id' of its own in its front matter."))));
        }
        return result;
    }

    /** The problem of the note at {@code path} whose explicit id the note at {@code firstPath} has. */
    public static NoteProblem duplicate(String path, String id, String firstPath) {
        return new NoteProblem(path, NoteProblem.Kind.DUPLICATE_ID,
                "The front matter id '" + id + "' is already the id of " + firstPath + ".",
                "Give one of the two notes another 'id' in its front matter, or remove its 'id' line.");
    }
}
