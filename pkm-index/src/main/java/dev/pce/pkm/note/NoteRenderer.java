package dev.pce.pkm.note;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import org.yaml.snakeyaml.DumperOptions;

import java.io.IOException;
import java.io.Writer;
import java.util.regex.Pattern;

/**
 * Writes a note as markdown: a front matter block ({@code id, title, date, type, status, project, tags, links},
 * then the other keys in their order) and the body. {@link NoteParser} reads the result back to the same front
 * matter and body. Strings are quoted only where YAML needs it; link targets are written as {@code "[[target]]"},
 * which Obsidian shows as links.
 */
public final class NoteRenderer {
    private static final ObjectMapper YAML = new ObjectMapper(yamlFactory());

    private NoteRenderer() {
    }

    private static YAMLFactory yamlFactory() {
        DumperOptions dumper = new DumperOptions();
        dumper.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dumper.setExplicitStart(false);
        dumper.setIndent(2);
        dumper.setIndicatorIndent(2);
        dumper.setIndentWithIndicator(true);
        dumper.setWidth(Integer.MAX_VALUE); // never fold a long title over several lines
        dumper.setSplitLines(false);
        dumper.setAllowUnicode(true);
        return new ExactTextFactory(YAMLFactory.builder()
                .dumperOptions(dumper)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .stringQuotingChecker(new NumberAwareQuoting()));
    }

    /** Jackson's YAML factory, making {@link ExactTextGenerator}s. */
    private static final class ExactTextFactory extends YAMLFactory {
        ExactTextFactory(YAMLFactoryBuilder builder) {
            super(builder);
        }

        @Override
        protected YAMLGenerator _createGenerator(Writer out, IOContext context) throws IOException {
            return new ExactTextGenerator(context, _generatorFeatures, _yamlGeneratorFeatures, _quotingChecker,
                    _objectCodec, out, _dumperOptions);
        }
    }

    /**
     * Jackson's YAML writer, except for a text or key holding a line break YAML 1.1 reads as a plain line feed or
     * folds into a space (CR, NEL, U+2028, U+2029): written double-quoted, whose escapes keep it. Jackson would write
     * it as a literal block when it also holds a line feed, else plain or single-quoted; either way the text read
     * back would differ (found by fuzzing: the title "6" followed by NEL came back as "6", and so did such a key).
     */
    private static final class ExactTextGenerator extends YAMLGenerator {
        private static final Pattern FOLDED_BREAK = Pattern.compile("[\\r\\u0085\\u2028\\u2029]");

        ExactTextGenerator(IOContext context, int features, int yamlFeatures, StringQuotingChecker quoting,
                           ObjectCodec codec, Writer out, DumperOptions dumper) throws IOException {
            super(context, features, yamlFeatures, quoting, codec, out, dumper);
        }

        /** Every scalar, keys included, passes here. */
        @Override
        protected void _writeScalar(String value, String type, DumperOptions.ScalarStyle style) throws IOException {
            super._writeScalar(value, type, FOLDED_BREAK.matcher(value).find() ? DumperOptions.ScalarStyle.DOUBLE_QUOTED
                    : style);
        }
    }

    /**
     * Jackson's quoting, plus quotes for every text a YAML reader could take for a number ({@code 0x1F},
     * {@code 1_000}, {@code +5}, {@code .5}, {@code .inf}, {@code 1:30}); ISO dates stay unquoted, Jackson reads
     * them as text.
     */
    private static final class NumberAwareQuoting extends StringQuotingChecker.Default {
        private static final Pattern NUMBER_LIKE = Pattern.compile("[-+]?(0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+"
                + "|[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|\\.[0-9_]+([eE][-+]?[0-9]+)?"
                + "|[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?|\\.(inf|Inf|INF|nan|NaN|NAN))");
        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || NUMBER_LIKE.matcher(value).matches();
        }
    }

    /** The whole note file: front matter block, then {@code body} with {@code \n} line ends. */
    public static String render(FrontMatter frontMatter, String body) {
        return "---\n" + yaml(frontMatter) + "---\n" + LineEnds.toLf(body);
    }

    public static String render(Note note) {
        return render(note.frontMatter(), note.body());
    }

    /** The front matter's YAML lines, each ending in {@code \n}; empty for empty front matter. */
    public static String yaml(FrontMatter frontMatter) {
        if (frontMatter.isEmpty()) {
            return "";
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        frontMatter.id().ifPresent(id -> root.put("id", id.value()));
        frontMatter.title().ifPresent(title -> root.put("title", title));
        frontMatter.date().ifPresent(date -> root.put("date", date.text()));
        frontMatter.type().ifPresent(type -> root.put("type", type));
        frontMatter.status().ifPresent(status -> root.put("status", status));
        frontMatter.project().ifPresent(project -> root.put("project", project));
        if (!frontMatter.tags().isEmpty()) {
            ArrayNode tags = root.putArray("tags");
            frontMatter.tags().forEach(tags::add);
        }
        if (!frontMatter.links().isEmpty()) {
            ArrayNode links = root.putArray("links");
            frontMatter.links().forEach(target -> links.add("[[" + target + "]]"));
        }
        frontMatter.extra().forEach(root::set);
        try {
            String yaml = YAML.writeValueAsString(root);
            return yaml.endsWith("\n") ? yaml : yaml + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serializes", e);
        }
    }
}
