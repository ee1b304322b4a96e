package health.ferry.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, item 8: {@code /q/metrics} tags requests by route, never by a path with a person's id in it. Requests
 * answered before any resource matched (a 401 to an API call without credentials, a sign-in redirect for a page) used
 * to be tagged with their raw path.
 */
@QuarkusTest
class MetricsTaggedByRouteTest {
    @Test
    void aRefusedRequestLeavesNoIdInTheMetrics() {
        String person = UUID.randomUUID().toString();
        String pseudonym = "P-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().redirects().follow(false).get("/api/v1/people/" + person + "/access-log").then().statusCode(401);
        given().redirects().follow(false).get("/account/people/" + person + "/edit").then().statusCode(302);
        given().redirects().follow(false).post("/coordinator/studies/heart-rhythm-outcomes/participants/" + pseudonym)
                .then().statusCode(302);
        // An authenticated request that matched a resource keeps its real template.
        String own = Tokens.as("alice").get("/api/v1/me").then().statusCode(200).extract()
                .path("people.find { it.relationship == 'self' }.id");
        Tokens.as("alice").get("/api/v1/people/" + own + "/access-log").then().statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertFalse(metrics.contains(person), "a person id in the metrics");
        assertFalse(metrics.contains(own), "a person id in the metrics");
        assertFalse(metrics.contains(pseudonym), "a pseudonym in the metrics");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("http_server_requests_seconds_count")
                && l.contains("status=\"401\"") && l.contains("uri=\"/api/v1/people/{id}/access-log\"")),
                "the 401 is counted under its route");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("http_server_requests_seconds_count")
                && l.contains("status=\"200\"") && l.contains("uri=\"/api/v1/people/{personId}/access-log\"")),
                "the matched request keeps RESTEasy's template");
    }

    @Test
    void theStandInTemplateKeepsWordsAndHidesIds() {
        assertEquals("/api/v1/people/{id}/access-log",
                MetricsUriTemplates.template("/api/v1/people/ffd37959-0b1e-4c1a-9d55-8a3c4f1e2d3b/access-log"));
        assertEquals("/coordinator/studies/heart-rhythm-outcomes/participants/{id}",
                MetricsUriTemplates.template("/coordinator/studies/heart-rhythm-outcomes/participants/P-7F3A9C1D"));
        assertEquals("/static/{id}", MetricsUriTemplates.template("/static/app.css"));
        assertEquals("/", MetricsUriTemplates.template("/"));
        assertEquals("/q/metrics", MetricsUriTemplates.template("/q/metrics"));
    }
}
