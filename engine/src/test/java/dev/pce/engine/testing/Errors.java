package dev.pce.engine.testing;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Assertions on the {@link CeException}s the engine throws. */
public final class Errors {

    private Errors() {
    }

    /** Runs {@code call}, asserts it threw a {@link CeException} with {@code code}, and returns it. */
    public static CeException thrown(ErrorCode code, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(CeException.class);
        CeException error = (CeException) thrown;
        assertThat(error.code()).as("error code of: " + error.getMessage()).isEqualTo(code);
        return error;
    }

    /** Asserts that {@code call} throws a {@link CeException} with {@code code} whose message has every fragment. */
    public static void assertError(ErrorCode code, ThrowingCallable call, String... fragments) {
        assertThat(thrown(code, call).getMessage()).contains(fragments);
    }
}
