package health.ferry.review;

import static health.ferry.Tokens.as;
import static health.ferry.uploads.UploadCalls.HEART;
import static health.ferry.uploads.UploadCalls.finished;
import static health.ferry.uploads.UploadCalls.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;

import health.ferry.uploads.UploadCalls;
import health.ferry.uploads.UploadFixtures;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A participant of the heart study with a package ready for review: a CCD, a lab PDF, a photo, an HTML page. */
public final class CoordinatorFixtures {
    /** An HTML page whose script would change the title and call home if it ever ran. */
    public static final String HOSTILE_HTML = "<html><head><title>Records</title><script>document.title='PWNED';"
            + "window.parent.document.title='PWNED';fetch('/api/v1/me?script-ran=1');</script></head>"
            + "<body><p>Visit notes</p><img src=x onerror=\"document.title='PWNED'\"></body></html>";

    public record Package(String person, String upload, Map<String, String> documents) {
        public String doc(String name) {
            return documents.get(name);
        }
    }

    private CoordinatorFixtures() {
    }

    public static Package readyPackage(String owner, String name) {
        String person = UploadCalls.ward(owner, name, HEART);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("records/summary.xml", UploadFixtures.ccd());
        files.put("records/lab.pdf", UploadFixtures.labPdf());
        files.put("records/photo.png", UploadFixtures.png());
        files.put("records/notes.html", HOSTILE_HTML.getBytes(StandardCharsets.UTF_8));
        String id = upload(owner, HEART, person, files).then().statusCode(202).extract().path("id");
        JsonPath done = finished(owner, id);
        assertEquals("ready_for_review", done.getString("status"), done.prettify());
        Map<String, String> documents = new LinkedHashMap<>();
        List<Map<String, Object>> list = done.getList("documents");
        for (Map<String, Object> d : list) {
            String n = (String) d.get("name");
            documents.put(n.substring(n.lastIndexOf('/') + 1), (String) d.get("id"));
        }
        return new Package(person, id, documents);
    }

    public static String pseudonymOf(String upload) {
        return as("casey").get("/api/v1/coordinator/uploads/" + upload).then().statusCode(200).extract()
                .path("participant.pseudonym");
    }
}
