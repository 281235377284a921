package dev.pce.server.mcp;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.knowledge.NoteRef;
import dev.pce.pkm.index.VaultSearcher.ListPosition;
import dev.pce.pkm.knowledge.NoteUris;
import dev.pce.pkm.knowledge.VaultKnowledgeStore;
import dev.pce.pkm.knowledge.VaultKnowledgeStore.ListedNote;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * The vault notes as MCP resources: {@code pkm://note/{id}} (the project's own vault first, then the others) and
 * {@code pkm://note/{vault}/{id}}, listed a page at a time. A resource is the note's markdown: front matter and body.
 */
final class NoteResources {
    private static final Logger LOG = LoggerFactory.getLogger(NoteResources.class);
    private static final String MARKDOWN = "text/markdown";
    /** Notes per page of resources/list: a page stays small, however big the vaults. */
    static final int PAGE_SIZE = 100;

    private NoteResources() {
    }

    static List<SyncResourceTemplateSpecification> templates(VaultKnowledgeStore learnings) {
        return List.of(
                template(NoteUris.OWN_TEMPLATE, "note", "A note of the project's vault (or another vault) by id.",
                        learnings),
                template(NoteUris.VAULT_TEMPLATE, "vault-note", "A note of the named vault by id.", learnings));
    }

    private static SyncResourceTemplateSpecification template(String uriTemplate, String name, String description,
                                                              VaultKnowledgeStore learnings) {
        McpSchema.ResourceTemplate template = McpSchema.ResourceTemplate.builder().uriTemplate(uriTemplate)
                .name(name).title("Vault note").description(description).mimeType(MARKDOWN).build();
        return new SyncResourceTemplateSpecification(template, (exchange, request) -> read(learnings, request.uri()));
    }

    static McpSchema.ReadResourceResult read(VaultKnowledgeStore learnings, String uri) {
        NoteUris.Address address = NoteUris.parse(uri).orElseThrow(() -> notFound(uri,
                "it is not a note URI; use pkm://note/{id} or pkm://note/{vault}/{id}"));
        try {
            String text = learnings.markdown(address.id(), address.vault());
            return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(uri, MARKDOWN, text)));
        } catch (CeException e) {
            if (e.code() == ErrorCode.INVALID_ARGUMENT) {
                throw notFound(uri, e.describe());
            }
            LOG.warn("Reading {} failed: {}", uri, e.describe());
            throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message(e.describe()).build();
        }
    }

    /**
     * One page of {@code resources/list}: the notes of every vault, the project's own first, each by id, with a
     * {@code nextCursor} while more follow.
     *
     * @throws McpError {@code -32602} for a cursor this server did not hand out, or one whose vault is gone
     */
    static McpSchema.ListResourcesResult list(VaultKnowledgeStore learnings, Optional<String> cursor) {
        Optional<ListPosition> after = cursor.map(text -> NoteCursor.decode(text).orElseThrow(() -> badCursor(text,
                "it is not a cursor this server handed out")));
        try {
            List<ListedNote> found = learnings.list(after, PAGE_SIZE + 1); // one more: is there a next page?
            List<ListedNote> page = found.subList(0, Math.min(PAGE_SIZE, found.size()));
            List<McpSchema.Resource> resources = page.stream().map(NoteResources::resource).toList();
            String next = found.size() > PAGE_SIZE
                    ? NoteCursor.encode(new ListPosition(page.getLast().note().vault(), page.getLast().note().id()))
                    : null;
            return new McpSchema.ListResourcesResult(resources, next);
        } catch (CeException e) {
            if (e.code() == ErrorCode.INVALID_ARGUMENT) {
                throw badCursor(cursor.orElse(""), e.getMessage());
            }
            LOG.warn("Listing the notes failed: {}", e.describe());
            throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message(e.describe()).build();
        }
    }

    private static McpSchema.Resource resource(ListedNote listed) {
        NoteRef note = listed.note();
        return McpSchema.Resource.builder().uri(note.uri()).name(note.id())
                .title(note.title()).mimeType(MARKDOWN)
                .description(listed.type().map(type -> type + " note").orElse("note") + " of the vault '"
                        + note.vault() + "': " + note.path())
                .build();
    }

    private static McpError badCursor(String cursor, String why) {
        String shown = cursor.length() <= 60 ? cursor : cursor.substring(0, 60) + "...";
        return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message("The cursor '" + shown
                + "' of resources/list cannot be used: " + why.replaceAll("\\.$", "") + ". Call resources/list "
                + "without a cursor to start again from the first page, then pass each answer's nextCursor "
                + "unchanged.").build();
    }

    private static McpError notFound(String uri, String why) {
        return McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
                .message("No note at " + uri + ": " + why).data(java.util.Map.of("uri", uri)).build();
    }
}
