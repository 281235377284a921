package dev.pce.engine.evidence;

import dev.pce.engine.gate.Dimension;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static dev.pce.engine.evidence.Samples.malformed;
import static dev.pce.engine.evidence.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an XML format gets from {@link XmlFormat}: its profile answered, and its root checked before it reads. */
class XmlFormatTest {

    /** A format of the test's own, with two roots; it records the element its reading starts at. */
    private static final class Checks extends XmlFormat<TestResults> {
        final List<String> startedAt = new ArrayList<>();

        Checks(ContentSignature signature) {
            super(new FormatProfile("Checks XML", signature, List.of("checks.xml"), List.of("*checks*"),
                    EnumSet.of(Dimension.TESTS)));
        }

        @Override
        TestResults read(String source, XmlCursor xml) {
            startedAt.add(xml.name());
            return new TestResults(source, new TestCounts(1, 0, 0, 0), List.of());
        }
    }

    @Test
    void theReadingStartsAtARootTheSignatureNamesAndTheProfileIsTheOneGiven() throws Exception {
        Checks checks = new Checks(ContentSignature.xmlRoot("checks", "check-suite"));

        checks.parse("a.xml", utf8("<?xml version=\"1.0\"?>\n<!-- made by hand -->\n<checks><check/></checks>"));
        checks.parse("b.xml", utf8("<check-suite/>"));

        assertThat(checks.startedAt).containsExactly("checks", "check-suite");
        assertThat(checks.name()).isEqualTo("Checks XML");
        assertThat(checks.signature()).isEqualTo(ContentSignature.xmlRoot("checks", "check-suite"));
    }

    @Test
    void anotherRootIsRefusedBeforeTheFormatReadsAnything() {
        Checks checks = new Checks(ContentSignature.xmlRoot("checks"));

        assertThat(malformed(() -> checks.parse("c.xml", utf8("<report/>"))).getMessage())
                .isEqualTo("the root element is <report>, but a Checks XML report starts with <checks>");
        assertThat(checks.startedAt).isEmpty();
    }

    @Test
    void aFormatWhoseSignatureIsNotAnXmlRootCannotBeAnXmlFormat() {
        assertThatThrownBy(() -> new Checks(ContentSignature.firstLine("checks:")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Checks XML is read as XML, but its signature is FirstLine[prefixes=[checks:]]")
                .hasMessageContaining("give it ContentSignature.xmlRoot(...)");
    }
}
