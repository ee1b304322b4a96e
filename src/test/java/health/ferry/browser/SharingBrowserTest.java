package health.ferry.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.ferry.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import health.ferry.records.RecordSource;
import health.ferry.records.RecordStore;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 in a browser: a parent enrols their child in the heart study sharing conditions only (unticking the
 * rest), and the study's coordinator then exports exactly that: the condition, not the procedure.
 */
@QuarkusTest
class SharingBrowserTest {
    static final String HEART = "heart-rhythm-outcomes";

    @TestHTTPResource("/")
    URL base;
    @Inject
    RecordStore store;
    @Inject
    io.agroal.api.AgroalDataSource db;

    @Test
    void aParentChoosesWhatToShareAndTheCoordinatorExportsExactlyThat() throws IOException {
        String name = "Jo Share " + UUID.randomUUID().toString().substring(0, 6);
        String ward = as("alice").contentType(ContentType.JSON).body(Map.of("displayName", name, "birthDate",
                "2014-05-02", "relationship", "child", "authorityAttested", true)).post("/api/v1/people").then()
                .statusCode(201).extract().path("id");
        try (Browser browser = Browser.start()) {
            Page page = browser.page();
            browser.signIn(base.toString(), "alice");
            page.navigate(base + "account");
            page.getByLabel("Acting for").selectOption(new com.microsoft.playwright.options.SelectOption()
                    .setLabel(name));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch")).click();
            page.navigate(base + "studies/" + HEART);
            for (String kind : List.of("Medications", "Allergies", "Lab results", "Vital signs", "Procedures",
                    "Visits", "Documents")) {
                page.getByLabel(kind, new Page.GetByLabelOptions().setExact(true)).uncheck();
            }
            assertThat(page.getByLabel("Conditions", new Page.GetByLabelOptions().setExact(true))).isChecked();
            page.locator("#agree").check();
            browser.screenshot("sharing-01-choose");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enrol")).click();
            assertThat(page.locator("#enrolment-title")).containsText(name + " is enrolled in this study");
            assertThat(page.locator("#sharing input[value='conditions']")).isChecked();
            assertThat(page.locator("#sharing input[value='procedures']")).not().isChecked();
            browser.screenshot("sharing-02-enrolled");
        }
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID person = UUID.fromString(ward);
        RecordSource portal = RecordSource.connection(UUID.randomUUID());
        store.upsert(person, portal, "{\"resourceType\":\"Condition\",\"id\":\"c-" + tag + "\",\"code\":{\"text\":"
                + "\"Atrial fibrillation\"},\"subject\":{\"reference\":\"Patient/p\"}}");
        store.upsert(person, portal, "{\"resourceType\":\"Procedure\",\"id\":\"p-" + tag + "\",\"code\":{\"text\":"
                + "\"Ablation\"},\"subject\":{\"reference\":\"Patient/p\"}}");
        List<String> pending = as("alice").get("/api/v1/people/" + ward + "/records?state=pending").then()
                .statusCode(200).extract().jsonPath().getList("items.id");
        as("alice").contentType(ContentType.JSON).body(Map.of("accept", pending, "delete", List.of()))
                .post("/api/v1/people/" + ward + "/records/decisions").then().statusCode(200);

        byte[] zip = as("casey").get("/api/v1/coordinator/studies/" + HEART + "/export?format=ndjson").then()
                .statusCode(200).extract().asByteArray();
        String pseudonym = pseudonymOf(ward);
        TreeSet<String> texts = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                    JsonNode r = json.readTree(line);
                    String text = r.path("code").path("text").asText();
                    if (text.equals("Atrial fibrillation") || text.equals("Ablation")) {
                        if (line.contains("Patient/" + pseudonym)) {
                            texts.add(r.path("resourceType").asText() + ":" + text);
                        }
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(List.of("Condition:Atrial fibrillation")), texts,
                "the coordinator receives the shared condition, not the procedure the parent unticked");
    }

    /** The child's study pseudonym, as the coordinator knows them. */
    private String pseudonymOf(String ward) {
        try (java.sql.Connection c = db.getConnection(); java.sql.PreparedStatement q = c.prepareStatement(
                "select pseudonym from enrolment where person_id = ? and study_id = ?")) {
            q.setObject(1, UUID.fromString(ward));
            q.setString(2, HEART);
            try (java.sql.ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : "no enrolment";
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
