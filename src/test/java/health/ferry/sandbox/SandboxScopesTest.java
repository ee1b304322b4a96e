package health.ferry.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SMART scope grants, PKCE and _lastUpdated parsing: the sandbox's small rules, without a server. */
class SandboxScopesTest {
    @Test
    void grantsOnlyWhatTheSandboxSupports() {
        assertEquals(Set.of("launch/patient", "patient/*.read", "offline_access"),
                Scopes.grant("openid fhirUser launch/patient patient/*.read offline_access user/*.read"));
        assertTrue(Scopes.grant("patient/Observation.").isEmpty());
        assertFalse(Scopes.anyResourceScope(Scopes.grant("launch/patient offline_access")));
    }

    @Test
    void v1AndV2ScopesAllowReadAndSearch() {
        assertTrue(Scopes.allow(Set.of("patient/*.read"), "Condition", 's'));
        assertTrue(Scopes.allow(Set.of("patient/Condition.rs"), "Condition", 's'));
        assertTrue(Scopes.allow(Set.of("patient/Condition.r"), "Condition", 'r'));
        assertFalse(Scopes.allow(Set.of("patient/Condition.r"), "Condition", 's'));
        assertFalse(Scopes.allow(Set.of("patient/Observation.rs"), "Condition", 's'));
    }

    @Test
    void pkceIsS256() {
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", TokenExchange.s256(verifier));
        assertTrue(TokenExchange.pkceMatches(verifier, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
        assertFalse(TokenExchange.pkceMatches("short", TokenExchange.s256("short")));
    }

    @Test
    void lastUpdatedTakesDatesAndInstants() {
        FhirQuery q = FhirQuery.parse(Map.of("_lastUpdated", List.of("gt2024-01-01", "le2024-02-01T10:00:00 01:00")));
        assertTrue(q.lastUpdated().get(0).matches(java.time.Instant.parse("2024-01-02T00:00:00Z")));
        assertFalse(q.lastUpdated().get(0).matches(java.time.Instant.parse("2024-01-01T23:00:00Z")));
        assertTrue(q.lastUpdated().get(1).matches(java.time.Instant.parse("2024-02-01T09:00:00Z")));
        assertFalse(q.lastUpdated().get(1).matches(java.time.Instant.parse("2024-02-01T09:00:01Z")));
        assertEquals(FhirQuery.DEFAULT_COUNT, q.count());
    }
}
