package dev.pce.engine.evidence;

import java.util.List;

/**
 * What the content of an evidence format starts with, for {@link FormatDetector}. A file is XML when its first
 * character (after whitespace and a byte order mark) is {@code <}, JSON when it is <code>{</code>, else text.
 */
public sealed interface ContentSignature {

    /** XML whose root element is one of {@code elements}. */
    record XmlRoot(List<String> elements) implements ContentSignature {
        public XmlRoot {
            elements = List.copyOf(elements);
        }
    }

    /** A JSON object. Nothing more tells JSON formats apart, so at most one format should have this signature. */
    record JsonObject() implements ContentSignature {
    }

    /** Text whose first non-blank line starts with one of {@code prefixes}. */
    record FirstLine(List<String> prefixes) implements ContentSignature {
        public FirstLine {
            prefixes = List.copyOf(prefixes);
        }
    }

    static XmlRoot xmlRoot(String... elements) {
        return new XmlRoot(List.of(elements));
    }

    static JsonObject jsonObject() {
        return new JsonObject();
    }

    static FirstLine firstLine(String... prefixes) {
        return new FirstLine(List.of(prefixes));
    }
}
