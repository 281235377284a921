package dev.pce.server.mcp;

import dev.pce.server.mcp.StreamableHttpRules.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StreamableHttpRulesTest {
    private static final String BOTH = "application/json, text/event-stream";
    private final StreamableHttpRules rules = new StreamableHttpRules(List.of("2025-03-26", "2025-06-18",
            "2025-11-25"));

    @Test
    void requestsAsTheSdkClientsSendThemPass() {
        assertThat(rules.refusal("POST", new Headers("application/json", BOTH, null, null))).isEmpty();
        assertThat(rules.refusal("POST", new Headers("application/json; charset=utf-8", BOTH, "s1", "2025-11-25")))
                .isEmpty();
        assertThat(rules.refusal("GET", new Headers(null, "text/event-stream", "s1", "2025-06-18"))).isEmpty();
        assertThat(rules.refusal("DELETE", new Headers(null, null, "s1", "2025-06-18"))).isEmpty();
        assertThat(rules.refusal("POST", new Headers("Application/JSON;Charset=\"UTF-8\"", BOTH, null, null)))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=foo", "application/json; charset=iso-8859-1",
            "application/json;charset", "application/jsonx", "application/json-seq"})
    void aBodyInAnotherCharacterSetOrTypeIsRefused(String contentType) {
        assertThat(rules.refusal("POST", new Headers(contentType, BOTH, null, null))).hasValueSatisfying(refusal -> {
            assertThat(refusal.status()).isEqualTo(415);
            assertThat(refusal.message()).contains("'Content-Type: application/json' in UTF-8");
        });
    }

    @Test
    void withoutAVersionHeader20250326IsAssumed() {
        assertThat(rules.refusal("POST", new Headers("application/json", BOTH, "s1", null))).isEmpty();
        StreamableHttpRules without = new StreamableHttpRules(List.of("2025-06-18"));
        assertThat(without.refusal("POST", new Headers("application/json", BOTH, "s1", null)))
                .hasValueSatisfying(refusal -> assertThat(refusal.message()).contains("'2025-03-26'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-11-05", "1999-01-01", "latest", "", "2025-06-18, 2025-11-25"})
    void anUnsupportedVersionAfterInitializationIsRefusedNamingTheSupportedOnes(String version) {
        for (String method : new String[]{"POST", "GET", "DELETE"}) {
            assertThat(rules.refusal(method, new Headers("application/json", BOTH, "s1", version)))
                    .as(method).hasValueSatisfying(refusal -> {
                        assertThat(refusal.status()).isEqualTo(400);
                        assertThat(refusal.message()).contains("MCP-Protocol-Version",
                                "supports 2025-03-26, 2025-06-18, 2025-11-25");
                    });
        }
    }

    @Test
    void initializeComesBeforeAVersionIsAgreedOnSoItsHeaderIsNotChecked() {
        assertThat(rules.refusal("POST", new Headers("application/json", BOTH, null, "2099-01-01"))).isEmpty();
    }

    @Test
    void eachHeaderRuleNamesItsHeader() {
        assertThat(rules.refusal("POST", new Headers("text/plain", BOTH, null, null)))
                .hasValueSatisfying(refusal -> assertThat(refusal.status()).isEqualTo(415));
        assertThat(rules.refusal("POST", new Headers(null, BOTH, null, null)))
                .hasValueSatisfying(refusal -> assertThat(refusal.message()).contains("without a Content-Type"));
        assertThat(rules.refusal("POST", new Headers("application/json", "application/json", null, null)))
                .hasValueSatisfying(refusal -> assertThat(refusal.status()).isEqualTo(406));
        assertThat(rules.refusal("GET", new Headers(null, "*/*", "s1", null)))
                .hasValueSatisfying(refusal -> assertThat(refusal.message()).contains("'Accept: text/event-stream'"));
        assertThat(rules.refusal("GET", new Headers(null, "text/event-stream", null, null)))
                .hasValueSatisfying(refusal -> assertThat(refusal.message()).contains("no Mcp-Session-Id header"));
        assertThat(rules.refusal("DELETE", new Headers(null, null, " ", null)))
                .hasValueSatisfying(refusal -> assertThat(refusal.status()).isEqualTo(400));
    }

    /** The SDK's servlet gives every answer the session id as its event id; there is no stream to resume after it. */
    @Test
    void aGetResumingAfterAnAnswerIsRefusedAndOneResumingAfterAnotherEventPasses() {
        assertThat(rules.refusal("GET", new Headers(null, "text/event-stream", "s1", "2025-06-18", "s1")))
                .hasValueSatisfying(refusal -> {
                    assertThat(refusal.status()).isEqualTo(405);
                    assertThat(refusal.headers()).containsEntry("Allow", "GET, POST, DELETE");
                    assertThat(refusal.message()).contains("'s1'", "without a Last-Event-ID header");
                });
        assertThat(rules.refusal("GET", new Headers(null, "text/event-stream", "s1", "2025-06-18",
                "3f0c_9d2e"))).isEmpty();
        assertThat(rules.refusal("POST", new Headers("application/json", BOTH, "s1", "2025-06-18", "s1"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH", "HEAD", "OPTIONS", "TRACE"})
    void otherMethodsAreRefusedListingTheEndpointsOwn(String method) {
        assertThat(rules.refusal(method, new Headers("application/json", BOTH, "s1", null)))
                .hasValueSatisfying(refusal -> {
                    assertThat(refusal.status()).isEqualTo(405);
                    assertThat(refusal.headers()).containsEntry("Allow", "GET, POST, DELETE");
                });
    }
}
