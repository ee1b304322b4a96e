package health.ferry.uploads;

import static health.ferry.uploads.UploadCalls.HEART;
import static health.ferry.uploads.UploadCalls.finished;
import static health.ferry.uploads.UploadCalls.upload;
import static health.ferry.uploads.UploadCalls.ward;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import health.ferry.OwnDatabase;
import health.ferry.uploads.detection.ScannedPages;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Without Tesseract (here: a folder that does not hold it) Ferry still works: readiness stays UP and names OCR as
 * unavailable, the upload is read, and the scanned document says "text not read (OCR not installed)".
 */
@QuarkusTest
@TestProfile(OcrUnavailableTest.NoTesseract.class)
class OcrUnavailableTest {
    public static class NoTesseract implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return OwnDatabase.with("ferry-ocr-unavailable", Map.of(
                    "ferry.uploads.extraction.ocr.tesseract-path", "/nonexistent/tesseract-folder"));
        }
    }

    @Test
    void healthSaysUnavailableNotDown() {
        JsonPath health = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertEquals("UP", health.getString("checks.find { it.name == 'OCR (scanned PDFs and images)' }.status"));
        assertEquals("unavailable",
                health.getString("checks.find { it.name == 'OCR (scanned PDFs and images)' }.data.ocr"));
    }

    @Test
    void scannedDocumentSaysOcrNotInstalled() throws Exception {
        Path dir = Files.createTempDirectory("ferry-ocr-unavailable");
        byte[] scan = Files.readAllBytes(ScannedPages.pdf(dir.resolve("scan.pdf"), List.of(ScannedPages.labReport())));
        String person = ward("alice", "Jordan Scan", HEART);
        String id = upload("alice", HEART, person, Map.of("scanned_lab_report.pdf", scan)).then().statusCode(202)
                .extract().path("id");
        JsonPath done = finished("alice", id);
        assertEquals("ready_for_review", done.getString("status"), done.prettify());
        assertEquals(List.of("pdf-scanned"), done.getList("documents.kind"));
        assertEquals(List.of("not_installed"), done.getList("documents.ocr"));
        assertEquals(List.of("text not read (OCR not installed)"), done.getList("documents.textNote"));
        assertEquals(List.of("high"), done.getList("documents.confidenceWords"));
    }
}
