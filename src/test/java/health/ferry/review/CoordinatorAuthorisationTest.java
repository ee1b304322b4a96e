package health.ferry.review;

import static health.ferry.Tokens.as;
import static health.ferry.uploads.UploadCalls.HEART;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import health.ferry.uploads.UploadCalls;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every coordinator route, for the coordinator of the study, the coordinator of another study, a participant (the
 * owner of the data), an admin and an anonymous caller: only the first may; the others get 404 (401 or the sign-in
 * redirect when anonymous), and nothing changes.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoordinatorAuthorisationTest {
    static final String API = "/api/v1/coordinator";

    CoordinatorFixtures.Package p;

    record Route(String name, Function<RequestSpecification, io.restassured.response.Response> call) {
    }

    List<Route> routes() {
        if (p == null) {
            p = CoordinatorFixtures.readyPackage("alice", "Matrix Morgan");
        }
        String doc = p.doc("lab.pdf");
        Map<String, Object> decision = Map.of("decision", "rejected", "reason", "not allowed to decide");
        return List.of(
                new Route("queue", r -> r.get(API + "/studies/" + HEART + "/uploads")),
                new Route("package", r -> r.get(API + "/uploads/" + p.upload())),
                new Route("package decision", r -> r.contentType(ContentType.JSON).body(decision)
                        .post(API + "/uploads/" + p.upload() + "/review")),
                new Route("document", r -> r.get(API + "/documents/" + doc)),
                new Route("content", r -> r.get(API + "/documents/" + doc + "/content")),
                new Route("document decision", r -> r.contentType(ContentType.JSON).body(decision)
                        .post(API + "/documents/" + doc + "/review")),
                new Route("funnel", r -> r.get(API + "/studies/" + HEART + "/funnel")),
                new Route("export records", r -> r.get(API + "/studies/" + HEART + "/export?format=ndjson")),
                new Route("export documents", r -> r.get(API + "/studies/" + HEART + "/export?format=zip")));
    }

    @Test
    void onlyTheStudysCoordinatorIsAnswered() {
        for (String outsider : List.of("dana", "alice", "admin")) {
            for (Route route : routes()) {
                int status = route.call().apply(as(outsider)).then().extract().statusCode();
                assertEquals(404, status, outsider + " on " + route.name());
            }
        }
        for (Route route : routes()) {
            route.call().apply(given().redirects().follow(false).accept(ContentType.JSON)).then()
                    .statusCode(anyOf(equalTo(401), equalTo(302), equalTo(400)));
        }
        routes();
        // Nothing was decided by anyone of them.
        as("alice").get("/api/v1/uploads/" + p.upload()).then().statusCode(200)
                .body("status", equalTo("ready_for_review"))
                .body("documents.findAll { it.review != null }.size()", equalTo(0));
        // The coordinator of the study may (reads only, so the package stays undecided for the checks above).
        for (Route route : routes()) {
            if (!route.name().endsWith("decision")) {
                route.call().apply(as("casey")).then().statusCode(200);
            }
        }
    }

    @Test
    void unknownAndMalformedIdsAreNotFoundAlike() {
        for (String path : List.of("/studies/no-such-study/uploads", "/studies/no-such-study/funnel",
                "/uploads/00000000-0000-0000-0000-000000000000", "/uploads/not-a-uuid",
                "/documents/00000000-0000-0000-0000-000000000000", "/documents/not-a-uuid/content")) {
            as("casey").get(API + path).then().statusCode(404).body("code", equalTo("not_found"));
        }
    }

    @Test
    void theListOfCoordinatedStudiesNamesOnlyMine() {
        as("casey").get(API + "/studies").then().statusCode(200).body("items.id", equalTo(List.of(HEART)));
        as("dana").get(API + "/studies").then().statusCode(200)
                .body("items.id", not(org.hamcrest.Matchers.hasItem(HEART)));
    }
}
