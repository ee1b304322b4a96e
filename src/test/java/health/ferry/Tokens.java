package health.ferry;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/** Real access tokens from the built-in OIDC dev server that runs with the test suite, one per username. */
public final class Tokens {
    /** The dev server's tokens live five minutes; fetch a new one well before that. */
    private static final long MAX_AGE_MILLIS = 120_000;
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String token, long fetchedAt) {
    }

    private Tokens() {
    }

    /**
     * Cached per sign-in server as well as per user: a test profile with its own configuration restarts the app and
     * its dev OIDC server (new port, new signing keys), and a token of the previous server would be refused.
     */
    public static String of(String username) {
        String server = server();
        return CACHE.compute(server + " " + username, (k, c) -> c != null
                && System.currentTimeMillis() - c.fetchedAt < MAX_AGE_MILLIS ? c
                        : new Cached(fetch(server, username), System.currentTimeMillis())).token();
    }

    private static String server() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
    }

    /** A request authenticated as that user with a bearer token, as an API client sends it. */
    public static RequestSpecification as(String username) {
        return given().auth().oauth2(of(username));
    }

    private static String fetch(String server, String username) {
        return given().formParam("grant_type", "password").formParam("client_id", "quarkus-app")
                .formParam("username", username).formParam("scope", "openid profile email")
                .post(server + "/token").then().statusCode(200).extract().path("access_token");
    }
}
