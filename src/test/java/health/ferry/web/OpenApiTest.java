package health.ferry.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes the v1 JSON API of the contract, and not the HTML pages. */
@QuarkusTest
class OpenApiTest {
    @Test
    void describesTheV1Api() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/v1/me"))
                .body("paths", hasKey("/api/v1/people"))
                .body("paths", hasKey("/api/v1/people/{personId}"))
                .body("paths", hasKey("/api/v1/studies"))
                .body("paths", hasKey("/api/v1/studies/{studyId}/enrollments"))
                .body("paths", hasKey("/api/v1/people/{personId}/enrollments"))
                .body("paths", hasKey("/api/v1/coordinator/studies"))
                .body("paths", hasKey("/api/v1/coordinator/studies/{studyId}/uploads"))
                .body("paths", hasKey("/api/v1/coordinator/documents/{documentId}"))
                .body("paths", hasKey("/api/v1/coordinator/documents/{documentId}/content"))
                .body("paths", hasKey("/api/v1/coordinator/documents/{documentId}/review"))
                .body("paths", hasKey("/api/v1/coordinator/studies/{studyId}/funnel"))
                .body("paths", hasKey("/api/v1/coordinator/studies/{studyId}/export"))
                .body("paths", hasKey("/api/v1/people/{personId}/access-log"))
                .body("paths", hasKey("/api/v1/admin/audit/verify"))
                .body("paths", not(hasKey("/coordinator/uploads/{uploadId}")))
                .body("paths", not(hasKey("/account/access-log")))
                .body("paths", not(hasKey("/home")))
                .body("paths", not(hasKey("/account/people")));
    }

    @Test
    void describesTheScheduleAndTheDisconnectChoice() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.ConnectionView.properties", hasKey("nextSync"))
                .body("components.schemas.ConnectionView.properties", hasKey("accessEndsAt"))
                .body("paths.'/api/v1/connections/{id}'.delete.parameters.name", hasItem("pendingRecords"));
    }
}
