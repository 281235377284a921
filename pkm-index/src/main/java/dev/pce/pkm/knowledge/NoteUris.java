package dev.pce.pkm.knowledge;

import dev.pce.engine.knowledge.NoteRef;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The MCP resource URIs of notes: {@code pkm://note/{id}} for a note of the project's own vault and
 * {@code pkm://note/{vault}/{id}} for one of another project's vault. Ids are percent-encoded (they may hold spaces).
 */
public final class NoteUris {
    public static final String OWN_TEMPLATE = "pkm://note/{id}";
    public static final String VAULT_TEMPLATE = "pkm://note/{vault}/{id}";
    private static final String PREFIX = "pkm://note/";

    private NoteUris() {
    }

    /** A note's reference as answers give it, with its URI. */
    public static NoteRef ref(String vault, String ownVault, String id, String path, String title) {
        return new NoteRef(vault, id, path, title, uri(vault, ownVault, id));
    }

    public static String uri(String vault, String ownVault, String id) {
        String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        return vault.equals(ownVault) ? PREFIX + encoded : PREFIX + vault + "/" + encoded;
    }

    /** What a note URI names: a note id, in a named vault or (empty) the own vault first. */
    public record Address(Optional<String> vault, String id) {
    }

    /** The note a {@code pkm://note/} URI names; empty for any other URI. */
    public static Optional<Address> parse(String uri) {
        if (uri == null || !uri.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = uri.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        Optional<String> vault = slash < 0 ? Optional.empty() : Optional.of(rest.substring(0, slash));
        String encoded = slash < 0 ? rest : rest.substring(slash + 1);
        if (encoded.indexOf('/') >= 0) {
            return Optional.empty(); // a raw '/' only ends the vault's name; an id's '/' (b/Dup) is written %2F
        }
        String id;
        try {
            id = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) { // a broken %-escape
            return Optional.empty();
        }
        return id.isEmpty() ? Optional.empty() : Optional.of(new Address(vault, id));
    }
}
