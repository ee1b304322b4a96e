package health.ferry.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document describes the v1 JSON API of the contract, and not the HTML pages. The build writes it
 * (smallrye-open-api-maven-plugin with {@link ApiDocumentFilter}); {@link ApiDescription} serves it.
 */
@QuarkusTest
class OpenApiTest {
    @Test
    void describesTheV1Api() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("Ferry API"))
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
                .body("paths", hasKey("/api/v1/coordinator/documents/{documentId}/lab-results"))
                .body("paths", hasKey("/api/v1/coordinator/documents/{documentId}/lab-results/{resultId}"))
                .body("paths", hasKey("/api/v1/coordinator/studies/{studyId}/funnel"))
                .body("paths", hasKey("/api/v1/coordinator/studies/{studyId}/export"))
                .body("paths", hasKey("/api/v1/people/{personId}/access-log"))
                .body("paths", hasKey("/api/v1/people/{personId}/measurements"))
                .body("paths", hasKey("/api/v1/admin/audit/verify"))
                .body("paths", not(hasKey("/coordinator/uploads/{uploadId}")))
                .body("paths", not(hasKey("/account/access-log")))
                .body("paths", not(hasKey("/home")))
                .body("paths", not(hasKey("/account/people")))
                .body("paths", not(hasKey("/q/openapi")))
                .body("paths.keySet().findAll { !it.startsWith('/api/v1/') }.size()", equalTo(0));
    }

    @Test
    void describesTheScheduleAndTheDisconnectChoice() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.ConnectionView.properties", hasKey("nextSync"))
                .body("components.schemas.ConnectionView.properties", hasKey("accessEndsAt"))
                .body("paths.'/api/v1/connections/{id}'.delete.parameters.name", hasItem("pendingRecords"));
    }

    @Test
    void describesThePortalSetUpError() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.Failure.properties.code.enum", hasItem("portal_setup_error"))
                .body("components.schemas.Failure.properties.code.enum", hasItem("portal_not_supported"))
                .body("paths.'/api/v1/admin/portal-setup-problems'.get.security[0].SecurityScheme",
                        equalTo(List.of("admin")))
                .body("paths", hasKey("/api/v1/admin/portal-setup-problems/{problemId}/resolved"));
    }

    @Test
    void signInRulesComeFromTheAnnotationsTheServerEnforces() {
        String issuer = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.SecurityScheme.type", equalTo("openIdConnect"))
                .body("components.securitySchemes.SecurityScheme.openIdConnectUrl",
                        equalTo(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration"))
                // @RolesAllowed("participant") on the method: its role, and the 401 and 403 answers
                .body("paths.'/api/v1/people'.get.security[0].SecurityScheme", equalTo(List.of("participant")))
                .body("paths.'/api/v1/people'.get.responses", hasKey("401"))
                .body("paths.'/api/v1/people'.get.responses", hasKey("403"))
                .body("paths.'/api/v1/people'.get.operationId", equalTo("PeopleApi_list"))
                // a checked JSON body: 400
                .body("paths.'/api/v1/people'.post.responses", hasKey("400"))
                .body("paths.'/api/v1/people'.get.responses", not(hasKey("400")))
                // @RolesAllowed("admin"); a body that is a file alone gets no 400
                .body("paths.'/api/v1/admin/directory/imports'.post.security[0].SecurityScheme",
                        equalTo(List.of("admin")))
                .body("paths.'/api/v1/admin/directory/imports'.post.responses", not(hasKey("400")))
                // the class is @Authenticated, the method says nothing more: any signed-in user, no scopes
                .body("paths.'/api/v1/coordinator/documents/{documentId}'.get.security[0].SecurityScheme",
                        equalTo(List.of()))
                // @RolesAllowed("coordinator") on the method of a class that says nothing
                .body("paths.'/api/v1/coordinator/studies'.get.security[0].SecurityScheme",
                        equalTo(List.of("coordinator")))
                // no annotation: no requirement in the document (the path policy still asks for sign-in)
                .body("paths.'/api/v1/me'.get", not(hasKey("security")));
    }

    @Test
    void yamlUnlessJsonIsAskedFor() {
        given().get("/q/openapi").then().statusCode(200).contentType(startsWith("application/yaml"))
                .body(containsString("title: Ferry API"));
        given().get("/q/openapi?format=yaml").then().statusCode(200).contentType(startsWith("application/yaml"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .contentType(startsWith("application/json"));
        given().accept("application/json").get("/q/openapi?format=yaml").then().statusCode(200)
                .contentType(startsWith("application/yaml"));
        given().get("/q/openapi?format=JSON").then().statusCode(200).contentType(startsWith("application/json"));
        given().get("/q/openapi?format=xml").then().statusCode(400).body(containsString("json or yaml"));
    }
}
