package health.ferry.uploads;

import static health.ferry.Tokens.as;
import static health.ferry.uploads.UploadCalls.HEART;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.review.CoordinatorFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * U5–U7 through the coordinator's real download and preview routes: HTML, XHTML and SVG with script (one SVG named
 * .png) are only ever sent as {@code application/octet-stream} attachments with {@code nosniff} and
 * {@code sandbox; default-src 'none'}, never previewed inline; a name with quotes, a semicolon and non-ASCII letters
 * reaches the header only as an ASCII fallback and an RFC 8187 UTF-8 name. (The browser check that no script runs
 * is CoordinatorBrowserTest; names with CR/LF, NUL or bidi controls are refused at upload, Z18, and the header
 * encoder is tested with them in ContentDispositionTest.)
 */
@QuarkusTest
class DocumentDownloadTest {
    static final String XHTML = "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head>"
            + "<title>x</title><script>document.title='PWNED'</script></head><body><p>notes</p></body></html>";
    static final String ODD_NAME = "Bericht \"final\"; Müller.txt";

    @Test
    void scriptableDocumentsAndOddNamesOnlyLeaveAsInertAttachments() {
        String person = UploadCalls.ward("alice", "Download Dara", HEART);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("records/image.svg", UploadFixtures.SVG.getBytes(StandardCharsets.UTF_8));
        files.put("records/scan.png", UploadFixtures.SVG.getBytes(StandardCharsets.UTF_8));
        files.put("records/page.xhtml", XHTML.getBytes(StandardCharsets.UTF_8));
        files.put("records/notes.html", CoordinatorFixtures.HOSTILE_HTML.getBytes(StandardCharsets.UTF_8));
        files.put("records/" + ODD_NAME, "plain words".getBytes(StandardCharsets.UTF_8));
        files.put("records/photo.png", UploadFixtures.png());
        // In an archive: a browser's multipart form escapes quotes in file names, an entry name keeps them.
        String upload = UploadCalls.upload("alice", HEART, person, Map.of("package.zip", UploadFixtures.zip(files)))
                .then().statusCode(202).extract().path("id");
        JsonPath done = UploadCalls.finished("alice", upload);
        assertEquals("ready_for_review", done.getString("status"), done.prettify());
        List<Map<String, Object>> documents = done.getList("documents");
        assertEquals(files.size(), documents.size(), done.prettify());

        for (Map<String, Object> d : documents) {
            String name = (String) d.get("name");
            String base = name.substring(name.lastIndexOf('/') + 1);
            String id = (String) d.get("id");
            Response content = as("casey").get("/api/v1/coordinator/documents/" + id + "/content");
            assertEquals(200, content.statusCode(), name);
            assertEquals("application/octet-stream", content.contentType(), name);
            assertEquals("nosniff", content.header("X-Content-Type-Options"), name);
            assertEquals("sandbox; default-src 'none'", content.header("Content-Security-Policy"), name);
            assertEquals("no-store", content.header("Cache-Control"), name);
            String disposition = content.header("Content-Disposition");
            assertTrue(disposition.matches("attachment; filename=\"[A-Za-z0-9._-]+\"; filename\\*=UTF-8''[A-Za-z0-9._~%-]+"),
                    disposition);
            String encoded = disposition.substring(disposition.indexOf("''") + 2);
            assertEquals(base, URLDecoder.decode(encoded, StandardCharsets.UTF_8), "the name, exactly: " + disposition);
            assertArrayEquals(files.get(name), content.asByteArray(), "the bytes as sent: " + name);

            Response preview = as("casey").get("/coordinator/documents/" + id + "/preview");
            if (base.equals("photo.png")) {
                assertEquals(200, preview.statusCode());
                assertEquals("image/png", preview.contentType());
                // sandboxed, and framed by Ferry's own document page only (issue 24: the preview frame must show)
                assertEquals("sandbox; frame-ancestors 'self'", preview.header("Content-Security-Policy"));
                assertEquals("SAMEORIGIN", preview.header("X-Frame-Options"));
                assertEquals("nosniff", preview.header("X-Content-Type-Options"));
            } else {
                assertEquals(404, preview.statusCode(), "never inline: " + name + " (" + d.get("mediaType") + ")");
                String page = as("casey").get("/coordinator/documents/" + id).then().statusCode(200).extract()
                        .asString();
                assertFalse(page.contains("/coordinator/documents/" + id + "/preview"), "no preview frame: " + name);
                assertFalse(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" onload"), "never inlined");
            }
        }
        String odd = documents.stream().filter(d -> ((String) d.get("name")).endsWith(ODD_NAME)).map(d -> (String) d
                .get("id")).findFirst().orElseThrow();
        assertEquals("attachment; filename=\"Bericht__final___M_ller.txt\"; "
                + "filename*=UTF-8''Bericht%20%22final%22%3B%20M%C3%BCller.txt", as("casey")
                        .get("/api/v1/coordinator/documents/" + odd + "/content").header("Content-Disposition"));
    }
}
