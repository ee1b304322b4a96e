package health.ferry.records;

import static health.ferry.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import health.ferry.outcome.OutcomeException;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The JSON list written straight from the rows is, byte for byte, what the application's ObjectMapper writes for the
 * same records read as entities through Hibernate, and for each page what it writes for the pages' views: the plain
 * list and pages, every state and a category, with undated records, records without a display text, text that JSON
 * must escape, and a date before the Gregorian calendar.
 */
@QuarkusTest
class RecordRowsTest {
    private static UUID person;
    private static UUID empty;

    @Inject
    RecordStore store;
    @Inject
    RecordReview review;
    @Inject
    ObjectMapper json;

    @BeforeEach
    void seed() {
        if (person != null) {
            return;
        }
        person = UUID.fromString(ward("Rows As Json"));
        empty = UUID.fromString(ward("Rows As Json Empty"));
        RecordSource portal = RecordSource.connection(UUID.randomUUID());
        RecordSource upload = RecordSource.upload(UUID.randomUUID());
        for (int i = 0; i < 30; i++) {
            store.upsert(person, i % 3 == 0 ? upload : portal, "{\"resourceType\":\"Condition\",\"id\":\"c" + i
                    + "\",\"code\":{\"text\":\"Condition " + (i % 7) + "\"},\"onsetDateTime\":\"20" + (10 + i % 12)
                    + "-0" + (1 + i % 9) + "-1" + (i % 10) + "\"}");
        }
        store.upsert(person, portal, "{\"resourceType\":\"Condition\",\"id\":\"undated\",\"code\":{\"text\":\"Undated"
                + "\"}}");
        store.upsert(person, portal, "{\"resourceType\":\"Condition\",\"id\":\"no-text\"}");
        store.upsert(person, portal, "{\"resourceType\":\"Observation\",\"id\":\"escaped\",\"category\":[{\"coding\":"
                + "[{\"code\":\"laboratory\"}]}],\"code\":{\"text\":\"Na+ \\\"fasting\\\" \\\\ \\t tab, caf\u00e9 "
                + "\u6f22\u5b57 \ud83e\ude78 </script>\"},\"effectiveDateTime\":\"0999-03-04\"}");
        store.upsert(person, upload, "{\"resourceType\":\"Immunization\",\"id\":\"i1\",\"vaccineCode\":{\"text\":"
                + "\"Influenza\"},\"occurrenceDateTime\":\"2023-10-01\"}");
        // the three newest conditions and the two undated ones (which the list puts last)
        List<String> conditions = review.views(person, "pending", "conditions", 0, 100).stream()
                .map(r -> r.id().toString()).toList();
        List<String> accepted = new java.util.ArrayList<>(conditions.subList(0, 3));
        accepted.addAll(conditions.subList(conditions.size() - 2, conditions.size()));
        as("frank").contentType(ContentType.JSON).body(Map.of("accept", accepted, "delete", List.of()))
                .post("/api/v1/people/" + person + "/records/decisions").then().statusCode(200);
    }

    private static String ward(String name) {
        return as("frank").contentType(ContentType.JSON).body(Map.of("displayName", name, "birthDate", "2011-02-03",
                "relationship", "child", "authorityAttested", true)).post("/api/v1/people").then().statusCode(201)
                .extract().path("id");
    }

    private String mapper(UUID who, String state, String category, int page, int size, Long total) throws Exception {
        List<RecordView> views = review.views(who, state, category, page, size);
        // as the REST layer wrote it: Jackson's UTF-8 generator, which escapes characters outside the BMP
        return new String(json.writeValueAsBytes(new RecordsApi.Page(views, total == null ? views.size() : total)),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The records read as entities (Hibernate, its own query and order), rendered by the ObjectMapper. */
    private String entities(UUID who, String state, String category) throws Exception {
        List<RecordView> views = review.list(who, state, category);
        return new String(json.writeValueAsBytes(new RecordsApi.Page(views, views.size())),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private String rows(UUID who, String state, String category, Integer page, Integer size) {
        return review.listJson(who, state, category, page, size).toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void plainListIsTheMappersRenderingOfEveryRecord() throws Exception {
        String all = rows(person, null, null, null, null);
        assertEquals(entities(person, "pending", null), all);
        assertEquals(mapper(person, "pending", null, 0, Integer.MAX_VALUE, null), all);
        assertEquals(json.readTree(all).get("items").size(), json.readTree(all).get("total").asInt());
        assertEquals(29, json.readTree(all).get("total").asInt(), all);
        // a date before the Gregorian calendar began is the date the portal sent, in the list and on the pages
        assertEquals(true, all.contains("\"date\":\"0999-03-04\""), all);
        assertEquals(java.time.LocalDate.of(999, 3, 4), review.views(person, "pending", "lab_results", 0, 10).get(0)
                .date());
        assertEquals(entities(person, "accepted", null), rows(person, "accepted", null, null, null));
        String conditions = rows(person, "accepted", "conditions", null, null);
        assertEquals(entities(person, "accepted", "conditions"), conditions);
        List<String> dates = json.readTree(conditions).findValuesAsText("date");
        assertEquals(List.of("null", "null"), dates.subList(3, 5), conditions);
        assertEquals(entities(person, "pending", "lab_results"), rows(person, "pending", "lab_results", null, null));
        assertEquals("{\"items\":[],\"total\":0}", rows(empty, null, null, null, null));
    }

    @Test
    void pagesAreTheMappersRenderingOfThatPageWithTheCategorysTotal() throws Exception {
        assertEquals(mapper(person, "pending", null, 0, 7, 29L), rows(person, null, null, 0, 7));
        assertEquals(mapper(person, "pending", null, 4, 7, 29L), rows(person, "pending", null, 4, 7));
        assertEquals(mapper(person, "pending", null, 9, 7, 29L), rows(person, "pending", null, 9, 7));
        assertEquals(mapper(person, "pending", "conditions", 0, RecordReview.DEFAULT_SIZE, 27L),
                rows(person, "pending", "conditions", 0, null));
        assertEquals(mapper(person, "pending", "conditions", 0, RecordReview.MAX_SIZE, 27L),
                rows(person, "pending", "conditions", null, 100_000));
        assertEquals(mapper(person, "accepted", null, 1, 2, 5L), rows(person, "accepted", null, 1, 2));
    }

    @Test
    void badQueriesAreRefusedBeforeAnyRead() {
        invalid(() -> rows(person, "deleted", null, null, null));
        invalid(() -> rows(person, "later", null, null, null));
        invalid(() -> rows(person, null, "nonsense", null, null));
        invalid(() -> rows(person, null, null, -1, null));
        invalid(() -> rows(person, null, null, null, 0));
    }

    private static void invalid(Executable call) {
        org.junit.jupiter.api.Assertions.assertThrows(OutcomeException.class, call);
    }
}
