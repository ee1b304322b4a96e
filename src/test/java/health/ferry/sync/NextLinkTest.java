package health.ferry.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Paging stays on the FHIR base's origin: the access token is never sent anywhere else. */
class NextLinkTest {
    private static final URI BASE = URI.create("https://fhir.portal.example/api/FHIR/R4");

    private static JsonNode withNext(String url) {
        ObjectNode b = JsonNodeFactory.instance.objectNode().put("resourceType", "Bundle");
        b.putArray("link").addObject().put("relation", "self").put("url", "https://evil.example/self");
        b.withArray("link").addObject().put("relation", "next").put("url", url);
        return b;
    }

    @Test
    void aNextLinkOnTheSameOriginIsFollowed() {
        String next = "https://fhir.portal.example/api/FHIR/R4/Condition?page=2";
        assertEquals(Optional.of(URI.create(next)), ConnectionSync.next(BASE, withNext(next)));
        assertTrue(FhirPages.sameOrigin(BASE, URI.create("https://FHIR.portal.example:443/other")));
    }

    @Test
    void linksElsewhereAreNotFollowed() {
        for (String url : new String[] {"https://evil.example/api/FHIR/R4/Condition?page=2",
                "http://fhir.portal.example/api/FHIR/R4/Condition?page=2",
                "https://fhir.portal.example:8443/api/FHIR/R4/Condition", "/api/FHIR/R4/Condition?page=2",
                "https://fhir.portal.example.evil.example/x", "not a url"}) {
            assertTrue(ConnectionSync.next(BASE, withNext(url)).isEmpty(), url);
        }
        assertFalse(FhirPages.sameOrigin(BASE, URI.create("https://user@evil.example/")));
        assertTrue(ConnectionSync.next(BASE, JsonNodeFactory.instance.objectNode()).isEmpty());
    }
}
