package dev.pce.server.mcp;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pce.engine.Json;
import dev.pce.server.tools.AnswerSizes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Shortens a JSON answer until its compact serialization fits a byte budget, saying what it cut. Long texts are cut
 * first (a summary of 60 KB should not cost the rest of a list its place); then every list larger than a level is
 * cut down to it, the level chosen so that together they free what is too much: the bulk goes, wherever it is, and
 * several large lists keep a share each. Lists keep their first items: tools order them by what matters
 * (ready tasks, best hits) or by time, so a caller can page on from where the answer stopped.
 */
final class JsonTrimmer {
    /** Texts longer than this are cut before any list is, */
    static final int LONG_TEXT = 2_000;
    /** and then those longer than this, if that is not enough. */
    static final int SHORT_TEXT = 500;
    private static final String CUT_MARK = AnswerSizes.CUT_MARK;

    /** One cut: at {@code path} (a JSON pointer) {@code kept} items or characters of {@code total} are left. */
    record Cut(String path, String what, int kept, int total) {
    }

    /** A list or text inside the tree: where it is, its serialized size, and how to put another value there. */
    private record Spot(String path, JsonNode node, int size, Replacement replace) {
    }

    /**
     * The cuts made, in the order they were first made, and the lists the tool cut before writing them: a list's
     * total is the one the tool gave, so an answer cut from a prefix names the cuts the whole list's answer names.
     */
    private static final class Cuts {
        private final Map<String, Cut> made = new LinkedHashMap<>();
        private final Map<String, Integer> before;

        Cuts(Map<String, Integer> before) {
            this.before = before;
        }

        /** The full count of the list or text at {@code path}, now {@code current} long. */
        int total(String path, int current) {
            Cut cut = made.get(path);
            return cut != null ? cut.total() : before.getOrDefault(path, current);
        }

        void add(Cut cut) {
            made.put(cut.path(), cut);
        }

        /** Every cut; a list the tool cut that was not cut here again last, in pointer order. */
        List<Cut> all(ObjectNode root) {
            List<Cut> all = new ArrayList<>(made.values());
            before.entrySet().stream().filter(entry -> !made.containsKey(entry.getKey()))
                    .sorted(Map.Entry.comparingByKey()).forEach(entry -> {
                        JsonNode list = root.at(JsonPointer.compile(entry.getKey()));
                        if (list.isArray() && list.size() < entry.getValue()) {
                            all.add(new Cut(entry.getKey(), "items", list.size(), entry.getValue()));
                        }
                    });
            return List.copyOf(all);
        }
    }

    /** Puts a new value where a child was. */
    @FunctionalInterface
    private interface Replacement {
        void with(JsonNode value);
    }

    private JsonTrimmer() {
    }

    /**
     * Cuts {@code root} in place until it serializes to at most {@code budget} bytes; the cuts, in order. The list at
     * {@code pagedList}, which its tool pages itself, loses items only when nothing else is left to cut.
     */
    static List<Cut> trim(ObjectNode root, int budget, Optional<String> pagedList) {
        return trim(root, budget, pagedList, Map.of());
    }

    /**
     * As {@link #trim(ObjectNode, int, Optional)}, where the lists at the pointers of {@code listTotals} are already
     * prefixes of lists that long: their cuts name those totals.
     */
    static List<Cut> trim(ObjectNode root, int budget, Optional<String> pagedList, Map<String, Integer> listTotals) {
        Cuts cuts = new Cuts(listTotals);
        cutBeyond(root, "", budget, pagedList, cuts);
        int size = size(root);
        for (int longest : new int[] {LONG_TEXT, SHORT_TEXT}) {
            if (size > budget) {
                for (Spot spot : spots(root, node -> node.isTextual() && node.asText().length() > longest)) {
                    cutText(spot, longest, cuts);
                }
                size = size(root);
            }
        }
        while (size > budget) {
            // lists lose items before texts lose more; texts are cut further only when no list is left
            List<Spot> spots = spots(root, node -> node.isArray() && !node.isEmpty());
            List<Spot> others = spots.stream().filter(spot -> !pagedList.equals(Optional.of(spot.path()))).toList();
            if (!others.isEmpty()) {
                spots = new ArrayList<>(others);
            }
            if (spots.isEmpty()) {
                spots = spots(root, node -> node.isTextual() && node.asText().length() > CUT_MARK.length());
            }
            if (spots.isEmpty()) {
                break; // nothing left to cut: only names and numbers remain
            }
            int level = level(spots, size - budget);
            spots.sort((a, b) -> Integer.compare(b.size(), a.size()));
            for (Spot spot : spots) {
                // the largest first: a list cut away takes what it holds along, which then needs no cut of its own
                if (spot.size() > level && root.at(JsonPointer.compile(spot.path())) == spot.node()) {
                    cut(spot, spot.size() - level, cuts);
                }
            }
            size = size(root);
        }
        return cuts.all(root);
    }

    /**
     * Cuts every list below {@code node} to the items whose smallest sizes (every text cut as far as it can be)
     * together fit {@code budget}: an answer that fits cannot hold more of it, so this changes nothing that could be
     * kept, and it makes the rounds below measure a few hundred items instead of a whole plan's (a 100,000-task
     * plan's answer is 40 MB before it is cut). The list the tool pages itself is left to the rounds.
     */
    private static void cutBeyond(JsonNode node, String path, int budget, Optional<String> pagedList,
                                  Cuts cuts) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                cutBeyond(field.getValue(), path + "/" + escape(field.getKey()), budget, pagedList, cuts);
            }
        } else if (node instanceof ArrayNode array) {
            if (!pagedList.equals(Optional.of(path))) {
                long size = 2;
                int keep = 0;
                while (keep < array.size()) {
                    size += AnswerSizes.smallest(array.get(keep)) + 1;
                    if (size > budget) {
                        break;
                    }
                    keep++;
                }
                if (keep < array.size()) {
                    cuts.add(new Cut(path, "items", keep, cuts.total(path, array.size())));
                    while (array.size() > keep) {
                        array.remove(array.size() - 1);
                    }
                }
            }
            for (int i = 0; i < array.size(); i++) {
                cutBeyond(array.get(i), path + "/" + i, budget, pagedList, cuts);
            }
        }
    }

    /** The lists or texts below {@code root} that {@code wanted} accepts, each with its size. */
    private static List<Spot> spots(ObjectNode root, Predicate<JsonNode> wanted) {
        List<Spot> spots = new ArrayList<>();
        measure(root, "", null, spots);
        spots.removeIf(spot -> !wanted.test(spot.node()));
        return spots;
    }

    /** Serialized size in bytes, as a client receives it. */
    static int size(JsonNode node) {
        try {
            return Json.plain().writeValueAsBytes(node).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written", e);
        }
    }

    /** The largest size such that cutting every spot down to it frees at least {@code excess} bytes. */
    private static int level(List<Spot> spots, int excess) {
        int low = 0;
        int high = spots.stream().mapToInt(Spot::size).max().orElse(0);
        while (low < high) {
            int middle = (low + high + 1) / 2;
            long freed = 0;
            for (Spot spot : spots) {
                freed += Math.max(0, spot.size() - middle);
            }
            if (freed >= excess) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** Frees about {@code bytes} at {@code spot}: at least one item or character. */
    private static void cut(Spot spot, int bytes, Cuts cuts) {
        if (!(spot.node() instanceof ArrayNode array)) {
            String text = spot.node().asText();
            cutText(spot, Math.max(0, Math.min(text.length() - 1, text.length() - bytes - CUT_MARK.length())), cuts);
            return;
        }
        int total = cuts.total(spot.path(), array.size());
        int keep = array.size() - 1;
        int freed = measure(array.get(keep), "", null, null) + 1;
        while (keep > 0 && freed < bytes) {
            keep--;
            freed += measure(array.get(keep), "", null, null) + 1;
        }
        while (array.size() > keep) {
            array.remove(array.size() - 1);
        }
        cuts.add(new Cut(spot.path(), "items", keep, total));
    }

    private static void cutText(Spot spot, int keep, Cuts cuts) {
        String text = spot.node().asText();
        int total = cuts.total(spot.path(), text.length());
        int kept = Math.max(0, Math.min(keep, text.length()));
        if (kept > 0 && Character.isHighSurrogate(text.charAt(kept - 1))) {
            kept--; // never split a character in two
        }
        cuts.add(new Cut(spot.path(), "characters", kept, total));
        spot.replace().with(new TextNode(text.substring(0, kept) + CUT_MARK));
    }

    /**
     * The compact serialized size of {@code node} in one pass, adding every list and text below it to {@code spots}
     * (when given) with its own size.
     */
    private static int measure(JsonNode node, String path, Replacement replace, List<Spot> spots) {
        int size;
        if (node instanceof ObjectNode object) {
            size = 2 + Math.max(0, object.size() - 1);
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                String key = field.getKey();
                size += AnswerSizes.textSize(key) + 1 + measure(field.getValue(), path + "/" + escape(key),
                        value -> object.set(key, value), spots);
            }
        } else if (node instanceof ArrayNode array) {
            size = 2 + Math.max(0, array.size() - 1);
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                size += measure(array.get(i), path + "/" + i, value -> array.set(index, value), spots);
            }
        } else if (node.isTextual()) {
            size = AnswerSizes.textSize(node.asText());
        } else {
            size = node.toString().length();
        }
        if (spots != null && replace != null && (node.isArray() || node.isTextual())) {
            spots.add(new Spot(path, node, size, replace));
        }
        return size;
    }

    /** A JSON pointer token (RFC 6901). */
    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
