package health.ferry.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ProductionSecretsTest {
    private static final String GOOD_SESSION_SECRET = "a".repeat(ProductionSecrets.MIN_SESSION_SECRET_LENGTH);
    private static final String GOOD_CLIENT_SECRET = "client-secret-from-keycloak";

    @Test
    void acceptsASessionSecretOfExactlyTheMinimumLengthAndAClientSecret() {
        assertEquals(List.of(), ProductionSecrets.problems(GOOD_SESSION_SECRET, GOOD_CLIENT_SECRET));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void namesTheVariableWhenTheSessionSecretIsMissingOrBlank(String missing) {
        assertOnlyProblem("FERRY_SESSION_SECRET is not set", ProductionSecrets.problems(missing, GOOD_CLIENT_SECRET));
    }

    @Test
    void rejectsASessionSecretOneCharacterTooShort() {
        assertOnlyProblem("FERRY_SESSION_SECRET is shorter than 32 characters",
                ProductionSecrets.problems(GOOD_SESSION_SECRET.substring(1), GOOD_CLIENT_SECRET));
    }

    @Test
    void doesNotCountSurroundingWhitespaceTowardsTheLength() {
        String padded = "  " + GOOD_SESSION_SECRET.substring(2) + "  ";
        assertOnlyProblem("FERRY_SESSION_SECRET is shorter than 32 characters",
                ProductionSecrets.problems(padded, GOOD_CLIENT_SECRET));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void namesTheVariableWhenTheClientSecretIsMissingOrBlank(String missing) {
        assertOnlyProblem("FERRY_OIDC_CLIENT_SECRET is not set", ProductionSecrets.problems(GOOD_SESSION_SECRET, missing));
    }

    @Test
    void reportsEveryProblemAtOnceSoOneRestartFixesThemAll() {
        String message = ProductionSecrets.message(ProductionSecrets.problems(null, null));
        assertTrue(message.startsWith("Ferry cannot start in production: "), message);
        assertTrue(message.contains("FERRY_SESSION_SECRET"), message);
        assertTrue(message.contains("FERRY_OIDC_CLIENT_SECRET"), message);
    }

    @Test
    void neverQuotesTheSecretItself() {
        String shortSecret = "s3cr3t-value-nobody-may-read";
        String message = ProductionSecrets.message(ProductionSecrets.problems(shortSecret, null));
        assertFalse(message.contains(shortSecret), message);
    }

    private static void assertOnlyProblem(String start, List<String> problems) {
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith(start), problems.get(0));
    }

    @org.junit.jupiter.api.Test
    void theVaultKeyMustBe32BytesOfBase64() {
        org.junit.jupiter.api.Assertions.assertTrue(ProductionSecrets.vaultProblems(null).get(0)
                .startsWith("FERRY_VAULT_KEY is not set."));
        org.junit.jupiter.api.Assertions.assertTrue(ProductionSecrets.vaultProblems("c2hvcnQ=").get(0)
                .startsWith("FERRY_VAULT_KEY is not 32 bytes."));
        org.junit.jupiter.api.Assertions.assertTrue(ProductionSecrets.vaultProblems("!!notbase64!!").get(0)
                .startsWith("FERRY_VAULT_KEY is not base64."));
        org.junit.jupiter.api.Assertions.assertTrue(ProductionSecrets.vaultProblems(
                "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=").isEmpty());
    }
}
