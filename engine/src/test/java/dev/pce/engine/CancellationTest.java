package dev.pce.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The signal between a cancelling caller and long work: honoured up to the commit, refused after it. */
class CancellationTest {

    @Test
    void aCancelBeforeTheCommitStopsTheWorkAtItsNextSafePointAndAtTheCommit() {
        Cancellation cancellation = new Cancellation();
        assertThatCode(cancellation::check).doesNotThrowAnyException();

        assertThat(cancellation.cancel()).as("accepted: nothing was stored yet").isTrue();
        assertThat(cancellation.cancel()).as("asking again changes nothing").isTrue();
        assertThat(cancellation.isCancelled()).isTrue();
        assertThatThrownBy(cancellation::check).isInstanceOf(Cancellation.Cancelled.class);
        assertThatThrownBy(cancellation::commit).isInstanceOf(Cancellation.Cancelled.class)
                .hasMessageContaining("before anything was stored");
    }

    @Test
    void aCancelAfterTheCommitIsRefusedAndTheWorkGoesOn() {
        Cancellation cancellation = new Cancellation();
        cancellation.commit();

        assertThat(cancellation.cancel()).as("refused: the work stored something and must report it").isFalse();
        assertThat(cancellation.isCancelled()).isFalse();
        assertThatCode(() -> {
            cancellation.check();
            cancellation.commit();
        }).doesNotThrowAnyException();
    }
}
