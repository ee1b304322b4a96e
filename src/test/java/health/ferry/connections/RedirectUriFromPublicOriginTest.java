package health.ferry.connections;

import static health.ferry.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import health.ferry.accounts.PublicOrigin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, item 5: the SMART {@code redirect_uri} comes from {@code ferry.public-origin} alone. A request whose
 * {@code Host} (or {@code X-Forwarded-Host}) names another site still sends the portal's authorization code back to
 * Ferry, on starting a connection and on reconnecting.
 */
@QuarkusTest
class RedirectUriFromPublicOriginTest {
    private static String expected() {
        return "http://localhost:" + RestAssured.port + "/connections/smart/callback";
    }

    @Test
    void startingASmartConnectionIgnoresTheHostHeader() {
        Response r = as("erin").header("Host", "evil.example").header("X-Forwarded-Host", "evil.example")
                .contentType(ContentType.JSON).body(Map.of("portalId", Sandbox.portalId("erin",
                        Sandbox.HEALTH_SYSTEM))).post("/api/v1/people/" + Sandbox.ward("erin", "RedirectUriFromPublicOrigin Person 1", "2008-08-08") + "/connections");
        r.then().statusCode(201);
        assertEquals(expected(), redirectUri(r.path("authorizeUrl")));
    }

    @Test
    void reconnectingIgnoresTheHostHeader() {
        String id = SmartConnectionsTest.start("erin", Sandbox.ward("erin", "Host Kid", "2016-02-02"))[0];
        Response r = as("erin").header("Host", "evil.example").post("/api/v1/connections/" + id + "/reconnect");
        r.then().statusCode(202);
        String authorizeUrl = r.path("authorizeUrl");
        assertEquals(expected(), redirectUri(authorizeUrl));
        assertFalse(authorizeUrl.contains("evil.example"), authorizeUrl);
    }

    @Test
    void onlyABareHttpOriginIsAPublicOrigin() {
        assertEquals(URI.create("https://ferry.example.org"), PublicOrigin.parse("https://ferry.example.org/"));
        assertEquals(URI.create("http://localhost:8080"), PublicOrigin.parse(" http://localhost:8080 "));
        for (String wrong : new String[] {"ferry.example.org", "ftp://ferry.example.org", "https://ferry.example.org/app",
            "https://user@ferry.example.org", "https://ferry.example.org?x=1", "https://", ""}) {
            assertThrows(IllegalStateException.class, () -> PublicOrigin.parse(wrong), wrong);
        }
    }

    private static String redirectUri(String authorizeUrl) {
        String query = URI.create(authorizeUrl).getRawQuery();
        return Arrays.stream(query.split("&")).filter(p -> p.startsWith("redirect_uri=")).findFirst()
                .map(p -> URLDecoder.decode(p.substring("redirect_uri=".length()), StandardCharsets.UTF_8))
                .orElseThrow(() -> new AssertionError("no redirect_uri in " + authorizeUrl));
    }
}
