package dev.pce.engine.knowledge;

import java.util.List;

/** A note's neighbours in its vault's link graph, by id: where it links to, what links to it, notes related. */
public record NoteLinks(List<String> linksTo, List<String> linkedFrom, List<String> related) {
    public NoteLinks {
        linksTo = List.copyOf(linksTo);
        linkedFrom = List.copyOf(linkedFrom);
        related = List.copyOf(related);
    }
}
