package dev.pce.server.mcp;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.pkm.note.NoteRenderer;
import dev.pce.server.knowledge.Learnings;
import dev.pce.server.knowledge.LearningsAccess;
import dev.pce.server.knowledge.NoteRefs;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The vault notes as MCP resources: {@code pkm://note/{id}} (the project's own vault first, then the others) and
 * {@code pkm://note/{vault}/{id}}. A resource is the note's markdown: front matter and body.
 */
final class NoteResources {
    private static final Logger LOG = LoggerFactory.getLogger(NoteResources.class);
    private static final String MARKDOWN = "text/markdown";

    private NoteResources() {
    }

    static List<SyncResourceTemplateSpecification> templates(LearningsAccess learnings) {
        return List.of(
                template(NoteRefs.OWN_TEMPLATE, "note", "A note of the project's vault (or another vault) by id.",
                        learnings),
                template(NoteRefs.VAULT_TEMPLATE, "vault-note", "A note of the named vault by id.", learnings));
    }

    private static SyncResourceTemplateSpecification template(String uriTemplate, String name, String description,
                                                              LearningsAccess learnings) {
        McpSchema.ResourceTemplate template = McpSchema.ResourceTemplate.builder().uriTemplate(uriTemplate)
                .name(name).title("Vault note").description(description).mimeType(MARKDOWN).build();
        return new SyncResourceTemplateSpecification(template, (exchange, request) -> read(learnings, request.uri()));
    }

    static McpSchema.ReadResourceResult read(LearningsAccess learnings, String uri) {
        NoteRefs.Address address = NoteRefs.parse(uri).orElseThrow(() -> notFound(uri,
                "it is not a note URI; use pkm://note/{id} or pkm://note/{vault}/{id}"));
        try {
            Learnings.Found found = learnings.get().read(address.id(), address.vault());
            String text = NoteRenderer.render(found.note());
            return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(uri, MARKDOWN, text)));
        } catch (CeException e) {
            if (e.code() == ErrorCode.INVALID_ARGUMENT) {
                throw notFound(uri, e.describe());
            }
            LOG.warn("Reading {} failed: {}", uri, e.describe());
            throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message(e.describe()).build();
        }
    }

    private static McpError notFound(String uri, String why) {
        return McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
                .message("No note at " + uri + ": " + why).data(java.util.Map.of("uri", uri)).build();
    }
}
