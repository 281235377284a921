package dev.pce.server.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists of an answer cut, before they are written, to the items an answer could hold at most
 * ({@link AnswerSizes#mostThatFit}), with the full counts of those it cut ({@link ToolOutput#cutBefore}): the server's
 * cutting then makes of them the answer it would have made of the whole lists, without a 100,000-task plan's lists
 * written out to be cut. One per answer.
 */
public final class AnswerPrefixes {
    private final Map<String, Integer> totals = new LinkedHashMap<>();

    /** The first of {@code items} an answer could hold; the full count noted at {@code pointer} if some were cut. */
    public <T> List<T> of(List<T> items, String pointer) {
        int most = AnswerSizes.mostThatFit(items);
        if (items.size() <= most) {
            return items;
        }
        totals.put(pointer, items.size());
        return items.subList(0, most);
    }

    /** As {@link #of}, for a list of lists: the outer one and each inner one (at {@code pointer}/index). */
    public <T> List<List<T>> ofNested(List<List<T>> lists, String pointer) {
        List<List<T>> outer = of(lists, pointer);
        List<List<T>> cut = new ArrayList<>(outer.size());
        for (int i = 0; i < outer.size(); i++) {
            cut.add(of(outer.get(i), pointer + "/" + i));
        }
        return cut;
    }

    /** The lists cut so far, by JSON pointer, with their full counts. */
    public Map<String, Integer> totals() {
        return Map.copyOf(totals);
    }
}
