package dev.pce.pkm.note;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class NoteIdTest {

    @Test
    void canonicalIdsFromTimeAndTitle() {
        NoteId id = NoteId.create(LocalDateTime.of(2024, 8, 24, 16, 4, 59), "Rate limits need Jitter!");
        assertThat(id.value()).isEqualTo("202408241604-rate-limits-need-jitter");
        assertThat(id.isCanonical()).isTrue();
        assertThat(id.timestamp()).contains(LocalDateTime.of(2024, 8, 24, 16, 4));
        assertThat(id.slug()).isEqualTo("rate-limits-need-jitter");
    }

    @Test
    void nonCanonicalIds() {
        assertThat(new NoteId("My Note").isCanonical()).isFalse();
        assertThat(new NoteId("My Note").slug()).isEqualTo("My Note");
        assertThat(new NoteId("202413991299-bad-date").isCanonical()).isFalse();
        assertThat(new NoteId("202408241604").isCanonical()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " x", "x ", "a//b", "/a", "a/", "a/.b", "a\\b", ".hidden", "tab\there"})
    void invalidIdsAreRefusedWithAFix(String value) {
        CeException e = catchThrowableOfType(CeException.class, () -> new NoteId(value));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.fix()).contains("202408241604-my-note");
    }

    @Test
    void aPathDerivedIdJoinsNamesWithSlashesButAFileNameIdHasNone() {
        assertThat(NoteId.isValid("b/Dup")).isTrue();
        assertThat(NoteId.isValidName("b/Dup")).isFalse();
        assertThat(NoteId.ofPath("b/c/Dup.md")).contains(new NoteId("b/c/Dup"));
        assertThat(NoteId.ofPath("b/" + "x".repeat(NoteId.MAX_LENGTH) + ".md")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Hello World|hello-world",
            "  --Leading and trailing--  |leading-and-trailing",
            "Über Größe Straße|uber-grosse-strasse",
            "Crème brûlée à la carte|creme-brulee-a-la-carte",
            "Łódź and Ærø|lodz-and-aero",
            "日本語のメモ|日本語のメモ",
            "Заметка о кэше|заметка-о-кэше",
            "한국어 메모|한국어-메모",
            "मराठी टीप|मराठी-टीप",
            "C# & F#: 2 languages|c-f-2-languages",
            "!!!|note",
            "İstanbul|istanbul"})
    void slugify(String title, String slug) {
        assertThat(Slugs.slugify(title)).isEqualTo(slug);
    }

    @Test
    void slugsAreCutAtADashWithinTheLimit() {
        String slug = Slugs.slugify("one two three four five six seven eight nine ten eleven twelve thirteen");
        assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
        assertThat(slug).doesNotEndWith("-").startsWith("one-two-three");
        assertThat(Slugs.slugify("a".repeat(100))).hasSize(Slugs.MAX_LENGTH);
        assertThat(Slugs.slugify("abc def", 5)).isEqualTo("abc");
    }
}
