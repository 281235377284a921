package dev.pce.server.mcp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokenFilterTest {
    private final BearerTokenFilter filter = new BearerTokenFilter("s3cret-Token");

    @ParameterizedTest
    @ValueSource(strings = {"Bearer s3cret-Token", "bearer s3cret-Token", "BEARER s3cret-Token", "bEaReR s3cret-Token",
            "Bearer   s3cret-Token", " Bearer s3cret-Token "})
    void theSchemeIsMatchedWithoutRegardToCase(String authorization) {
        assertThat(filter.refusal(authorization)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer S3CRET-TOKEN", "Bearer s3cret-token", "Bearer s3cret-Token2", "Bearer s3cret",
            "Bearer", "Bearer ", "Bearer s3cret-Token x"})
    void theTokenMustBeExactlyTheServers(String authorization) {
        assertThat(filter.refusal(authorization)).hasValue(HttpRefusal.wrongToken());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic czNjcmV0LVRva2Vu", "Token s3cret-Token"})
    void anotherSchemeIsNamedInTheRefusal(String authorization) {
        assertThat(filter.refusal(authorization)).hasValueSatisfying(refusal -> {
            assertThat(refusal.status()).isEqualTo(401);
            assertThat(refusal.message()).contains("'" + authorization.split(" ")[0] + "' scheme",
                    "'Authorization: Bearer <token>'");
            assertThat(refusal.headers()).containsEntry("WWW-Authenticate", "Bearer");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3cret-Token", "Bearers3cret-Token"})
    void aValueWithoutSchemeIsRefusedWithoutQuotingIt(String authorization) {
        assertThat(filter.refusal(authorization)).hasValueSatisfying(refusal -> {
            assertThat(refusal.message()).contains("no scheme").doesNotContain("s3cret");
            assertThat(refusal.headers()).containsEntry("WWW-Authenticate", "Bearer");
        });
    }

    @Test
    void aMissingHeaderIsRefusedWithTheChallenge() {
        for (String authorization : new String[]{null, "", "  "}) {
            assertThat(filter.refusal(authorization)).hasValueSatisfying(refusal -> {
                assertThat(refusal.message()).contains("no Authorization header");
                assertThat(refusal.headers()).containsEntry("WWW-Authenticate", "Bearer");
            });
        }
    }

    @Test
    void aRefusalNeverQuotesTheTokenItWasGiven() {
        assertThat(filter.refusal("Bearer s3cret-Toke")).hasValueSatisfying(refusal -> {
            assertThat(refusal.message()).doesNotContain("s3cret");
            assertThat(refusal.headers()).containsEntry("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        });
    }
}
