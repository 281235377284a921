package dev.pce.server.logging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SecretRedactorTest {
    private final SecretRedactor redactor = SecretRedactor.fromEnvironment(Map.of(
            "CE_HTTP_TOKEN", "team-token-4711-abcdef",
            "ANTHROPIC_API_KEY", "plain-value-without-shape",
            "HOME", "/home/someone-with-a-long-name",
            "GITHUB_TOKEN", "short"));

    @ParameterizedTest
    @ValueSource(strings = {
            "ghp_0123456789abcdefghijABCDEFGHIJ0123",
            "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
            "sk-ant-api03-abcdefghijklmnopqrstuvwxyz012345",
            "xoxb-1234567890-abcdefghij",
            "AKIAIOSFODNN7EXAMPLE",
            "glpat-abcdefghij0123456789",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"})
    void credentialsOfWellKnownShapesAreMasked(String secret) {
        String line = "ce_status refused: workflow_id '" + secret + "' is not a workflow id.";

        assertThat(redactor.redact(line)).doesNotContain(secret)
                .isEqualTo("ce_status refused: workflow_id '" + SecretRedactor.MASK + "' is not a workflow id.");
    }

    @Test
    void valuesOfSecretNamedKeysAreMaskedAndTheKeysKept() {
        String line = "config: password=hunter2hunter2 \"api_key\": \"k-123456\" client-secret: abcd1234; retries=3";

        assertThat(redactor.redact(line)).isEqualTo("config: password=" + SecretRedactor.MASK + " \"api_key\": \""
                + SecretRedactor.MASK + "\" client-secret: " + SecretRedactor.MASK + "; retries=3");
    }

    @Test
    void aBearerCredentialIsMaskedButTheSchemeStays() {
        assertThat(redactor.redact("Authorization: Bearer abc.def-ghi_jkl"))
                .isEqualTo("Authorization: Bearer " + SecretRedactor.MASK);
    }

    @Test
    void secretEnvironmentValuesAreMaskedWhateverTheirShape() {
        String line = "failed with plain-value-without-shape and team-token-4711-abcdef";

        assertThat(redactor.redact(line)).isEqualTo("failed with " + SecretRedactor.MASK + " and " + SecretRedactor.MASK);
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String line = "Vault 'team' indexed: 12 added in /home/someone-with-a-long-name/vault; max_tokens: 1000, "
                + "short value 'short' of GITHUB_TOKEN";

        assertThat(redactor.redact(line)).isEqualTo(line);
    }

    @Test
    void aTokenGivenOnTheCommandLineIsMaskedFromThenOn() {
        SecretRedactor withToken = redactor.alsoMasking("cli-given-token-99");

        assertThat(withToken.redact("token cli-given-token-99 seen")).isEqualTo("token " + SecretRedactor.MASK + " seen");
        assertThat(redactor.redact("token cli-given-token-99 seen")).contains("cli-given-token-99");
    }

    @Test
    void aPrivateKeyBlockIsMaskedWhole() {
        String line = "read -----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"
                + "-----END OPENSSH PRIVATE KEY----- done";

        assertThat(redactor.redact(line)).isEqualTo("read " + SecretRedactor.MASK + " done");
    }

    /**
     * The marks that let a line skip the regular expressions are sound: a line without them is one no pattern
     * changes. Seeded random lines built from pieces of every pattern (and their case variants) check it.
     */
    @Test
    void aLineWithoutTheMarksIsOneNoPatternChanges() {
        String[] pieces = {"gh", "p_", "o_", "github", "_pat_", "glpat", "-", "sk", "xox", "b", "AKIA", "ASIA",
                "AIza", "npm", "_", "eyJ", ".", "BEGIN", "-----", " ", "PRIVATE KEY", "Bearer", "BASIC", "bea", "rer",
                "pass", "word", "PassWd", "pwd", "Secret", "TOKEN", "api", "Key", "access", "private", "credential",
                "=", ": ", "\"", "'", "abcdefghij", "0123456789", "ABCDEFGHIJKLMNOP", "\n", "é", "K"};
        Random random = new Random(20261206);
        int checked = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder line = new StringBuilder();
            for (int n = random.nextInt(12); n >= 0; n--) {
                line.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = line.toString();
            if (!SecretRedactor.mayHoldCredential(text)) {
                checked++;
                assertThat(SecretRedactor.Patterns.mask(text)).as(text).isEqualTo(text);
            }
        }
        assertThat(checked).as("lines without marks among the samples").isGreaterThan(1_000);
    }
}
