package dev.pce.pkm.index;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Filters that narrow a search without changing its ranking. Values compare ignoring case; an empty set does not
 * filter.
 *
 * @param types    the note's type is one of these
 * @param projects the note's project is one of these
 * @param tags     the note has every one of these tags
 * @param vaults   the note is in one of these vaults (for searches over several)
 * @param from     the note's date is on or after this day (notes without a date are left out)
 * @param to       the note's date is on or before this day (notes without a date are left out)
 */
public record SearchFilters(Set<String> types, Set<String> projects, Set<String> tags, Set<String> vaults,
                            Optional<LocalDate> from, Optional<LocalDate> to) {

    public static final SearchFilters NONE = new SearchFilters(Set.of(), Set.of(), Set.of(), Set.of(),
            Optional.empty(), Optional.empty());

    public SearchFilters {
        types = Set.copyOf(types);
        projects = Set.copyOf(projects);
        tags = Set.copyOf(tags);
        vaults = Set.copyOf(vaults);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "The date range " + from.get() + " to " + to.get()
                    + " is empty.", "Give a 'from' day on or before the 'to' day.");
        }
    }

    public SearchFilters withTypes(String... values) {
        return new SearchFilters(Set.of(values), projects, tags, vaults, from, to);
    }

    public SearchFilters withProjects(String... values) {
        return new SearchFilters(types, Set.of(values), tags, vaults, from, to);
    }

    public SearchFilters withTags(String... values) {
        return new SearchFilters(types, projects, Set.of(values), vaults, from, to);
    }

    public SearchFilters withVaults(String... values) {
        return new SearchFilters(types, projects, tags, Set.of(values), from, to);
    }

    public SearchFilters between(Optional<LocalDate> fromDay, Optional<LocalDate> toDay) {
        return new SearchFilters(types, projects, tags, vaults, fromDay, toDay);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }
}
