package dev.pce.engine.conflict;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The wire names of this package's enums: the lower-case constant name ("changes_required"). */
final class WireNames {

    private WireNames() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant of {@code type} named {@code text}, in any case and with '-' for '_' ("request-changes").
     *
     * @param what what the value is, for the message ("review verdict")
     * @throws IllegalArgumentException naming the valid wire names
     */
    static <E extends Enum<E>> E parse(Class<E> type, String text, String what) {
        String wanted = text.strip().replace('-', '_');
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(wanted)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + text + "'; use one of " + allowed(type));
    }

    /** "approve, request_changes, reject". */
    static String allowed(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireNames::of).collect(Collectors.joining(", "));
    }
}
