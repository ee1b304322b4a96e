package health.ferry.records;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Stored records: idempotent upserts, pending review through the API, export, settings and ownership. */
@QuarkusTest
class RecordsApiTest {
    @Inject
    RecordStore store;

    private static String ward(String user, String name) {
        return as(user).contentType(ContentType.JSON).body(Map.of("displayName", name, "birthDate", "2010-02-03",
                "relationship", "child", "authorityAttested", true)).post("/api/v1/people").then().statusCode(201)
                .extract().path("id");
    }

    private static String condition(String id, String version, String text) {
        return "{\"resourceType\":\"Condition\",\"id\":\"" + id + "\",\"meta\":{\"versionId\":\"" + version
                + "\",\"lastUpdated\":\"2024-01-0" + version + "T10:00:00Z\"},\"code\":{\"text\":\"" + text
                + "\"},\"onsetDateTime\":\"2019-05-06\"}";
    }

    @Test
    void upsertIsIdempotentPerSourceAndNewVersionsUpdate() {
        UUID person = UUID.fromString(ward("erin", "Records Upsert"));
        RecordSource a = RecordSource.connection(UUID.randomUUID());
        RecordSource b = RecordSource.upload(UUID.randomUUID());
        assertEquals(RecordStore.Upsert.NEW, store.upsert(person, a, condition("c1", "1", "Asthma")));
        assertEquals(RecordStore.Upsert.UNCHANGED, store.upsert(person, a, condition("c1", "1", "Asthma")));
        assertEquals(RecordStore.Upsert.UPDATED, store.upsert(person, a, condition("c1", "2", "Asthma, mild")));
        assertEquals(RecordStore.Upsert.NEW, store.upsert(person, b, condition("c1", "2", "Asthma, mild")));
        as("erin").get("/api/v1/people/" + person + "/records").then().statusCode(200).body("total", equalTo(2))
                .body("items.display", hasItem("Asthma, mild")).body("items[0].category", equalTo("conditions"))
                .body("items[0].date", equalTo("2019-05-06")).body("items.source.kind", hasItem("upload"));
    }

    @Test
    void observationsAndUnknownTypesAreCategorised() {
        UUID person = UUID.fromString(ward("erin", "Records Categories"));
        RecordSource s = RecordSource.connection(UUID.randomUUID());
        store.upsert(person, s, "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"category\":[{\"coding\":[{\"code\":"
                + "\"vital-signs\"}]}],\"code\":{\"coding\":[{\"display\":\"Heart rate\"}]}}");
        store.upsert(person, s, "{\"resourceType\":\"Observation\",\"id\":\"o2\",\"category\":[{\"coding\":[{\"code\":"
                + "\"laboratory\"}]}],\"code\":{\"text\":\"HbA1c\"}}");
        store.upsert(person, s, "{\"resourceType\":\"FamilyMemberHistory\",\"id\":\"f1\"}");
        String base = "/api/v1/people/" + person + "/records";
        as("erin").queryParam("category", "vital_signs").get(base).then()
                .body("items.display", equalTo(List.of("Heart rate")));
        as("erin").queryParam("category", "lab_results").get(base).then()
                .body("items.display", equalTo(List.of("HbA1c")));
        as("erin").queryParam("category", "other").get(base).then().body("items.resourceType",
                equalTo(List.of("FamilyMemberHistory")));
        as("erin").queryParam("category", "nonsense").get(base).then().statusCode(400);
    }

    @Test
    void decisionsMoveRecordsAndExportCarriesOnlyAccepted() {
        UUID person = UUID.fromString(ward("erin", "Records Decisions"));
        RecordSource s = RecordSource.connection(UUID.randomUUID());
        store.upsert(person, s, condition("k1", "1", "Kept"));
        store.upsert(person, s, condition("d1", "1", "Dropped"));
        store.upsert(person, s, condition("p1", "1", "Left"));
        String base = "/api/v1/people/" + person + "/records";
        List<String> ids = as("erin").get(base).then().extract().path("items.id");
        List<String> names = as("erin").get(base).then().extract().path("items.display");
        String kept = ids.get(names.indexOf("Kept"));
        String dropped = ids.get(names.indexOf("Dropped"));
        as("erin").contentType(ContentType.JSON).body(Map.of("accept", List.of(kept), "delete", List.of(dropped)))
                .post(base + "/decisions").then().statusCode(200).body("accepted", equalTo(1))
                .body("deleted", equalTo(1));
        as("erin").get(base).then().body("items.display", equalTo(List.of("Left")));
        as("erin").queryParam("state", "accepted").get(base).then().body("items.display", equalTo(List.of("Kept")));
        as("erin").get(base + "/export").then().statusCode(200).contentType("application/fhir+json")
                .body("resourceType", equalTo("Bundle")).body("type", equalTo("collection"))
                .body("entry.resource.id", equalTo(List.of("k1")))
                .body("entry.resource.code.text", equalTo(List.of("Kept")));
        store.upsert(person, s, condition("d1", "1", "Dropped"));
        as("erin").get(base).then().body("items.display", not(hasItem("Dropped")));
    }

    @Test
    void anotherParticipantsRecordsAreNotFoundAndTheirIdsAreNotDecided() {
        UUID person = UUID.fromString(ward("erin", "Records Private"));
        store.upsert(person, RecordSource.connection(UUID.randomUUID()), condition("x1", "1", "Private"));
        String base = "/api/v1/people/" + person;
        String id = as("erin").get(base + "/records").then().extract().path("items[0].id");
        as("alice").get(base + "/records").then().statusCode(404);
        as("alice").get(base + "/records/export").then().statusCode(404);
        as("alice").get(base + "/settings").then().statusCode(404);
        String alice = as("alice").get("/api/v1/me").then().extract().path("people[0].id");
        as("alice").contentType(ContentType.JSON).body(Map.of("accept", List.of(id)))
                .post("/api/v1/people/" + alice + "/records/decisions").then().statusCode(200)
                .body("accepted", equalTo(0));
        as("erin").get(base + "/records").then().body("items.state", equalTo(List.of("pending")));
    }

    @Test
    void settingsDefaultToEverythingAndSaveChanges() {
        String base = "/api/v1/people/" + ward("erin", "Records Settings") + "/settings";
        as("erin").get(base).then().statusCode(200).body("categories.conditions", equalTo(true))
                .body("categories.other", equalTo(true)).body("emailNotifications", equalTo(true));
        as("erin").contentType(ContentType.JSON).body(Map.of("categories", Map.of("vital_signs", false),
                "emailNotifications", false)).put(base).then().statusCode(200)
                .body("categories.vital_signs", equalTo(false)).body("categories.conditions", equalTo(true))
                .body("emailNotifications", equalTo(false));
        as("erin").get(base).then().body("categories.vital_signs", equalTo(false));
        as("erin").contentType(ContentType.JSON).body(Map.of("categories", Map.of("nonsense", false))).put(base)
                .then().statusCode(400);
    }

    @Test
    void plainListHasEveryRecordAndPagesHaveDefaultAndMaximumSize() {
        UUID person = UUID.fromString(ward("erin", "Records Paged"));
        RecordSource source = RecordSource.connection(UUID.randomUUID());
        for (int i = 0; i < RecordReview.MAX_SIZE + 1; i++) {
            store.upsert(person, source, condition("paged" + i, "1", "Paged condition " + i));
        }
        String base = "/api/v1/people/" + person + "/records";
        as("erin").get(base).then().statusCode(200).body("total", equalTo(RecordReview.MAX_SIZE + 1))
                .body("items.size()", equalTo(RecordReview.MAX_SIZE + 1));
        as("erin").queryParam("page", 0).get(base).then().statusCode(200)
                .body("total", equalTo(RecordReview.MAX_SIZE + 1))
                .body("items.size()", equalTo(RecordReview.DEFAULT_SIZE));
        as("erin").queryParam("size", 100_000).get(base).then().statusCode(200)
                .body("items.size()", equalTo(RecordReview.MAX_SIZE));
        List<String> first = as("erin").queryParam("size", 7).get(base).then().statusCode(200)
                .body("items.size()", equalTo(7)).extract().path("items.id");
        List<String> second = as("erin").queryParam("size", 7).queryParam("page", 1).get(base).then()
                .statusCode(200).body("items.size()", equalTo(7)).extract().path("items.id");
        assertEquals(List.of(), first.stream().filter(second::contains).toList(), "pages do not overlap");
        List<String> plain = as("erin").get(base).then().extract().path("items.id");
        assertEquals(plain.subList(0, 14), java.util.stream.Stream.concat(first.stream(), second.stream()).toList(),
                "the plain list and the pages share one order");
        as("erin").queryParam("size", 7).queryParam("page", (RecordReview.MAX_SIZE + 1) / 7).get(base).then()
                .body("items.size()", equalTo((RecordReview.MAX_SIZE + 1) % 7));
        as("erin").queryParam("category", "conditions").queryParam("size", 1).get(base).then()
                .body("total", equalTo(RecordReview.MAX_SIZE + 1));
        as("erin").queryParam("category", "procedures").get(base).then().body("total", equalTo(0));
        as("erin").queryParam("size", 0).get(base).then().statusCode(400).body("errors[0].field", equalTo("size"));
        as("erin").queryParam("page", -1).get(base).then().statusCode(400).body("errors[0].field", equalTo("page"));
        as("erin").queryParam("page", "x").get(base).then().statusCode(400);
    }
}
