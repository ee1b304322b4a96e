package health.ferry.uploads;

import static health.ferry.uploads.UploadCalls.HEART;
import static health.ferry.uploads.UploadCalls.path;
import static health.ferry.uploads.UploadCalls.request;
import static health.ferry.uploads.UploadCalls.upload;
import static health.ferry.uploads.UploadCalls.ward;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Over HTTP: the file the HTTP layer spooled becomes the stored original itself (renamed and hashed once, see
 * {@code AdoptedOriginalTest} for the single read pass), nothing of the request is left in the spool folder or the
 * store's temporary folder, and the one hash still finds a retry (same Idempotency-Key, same bytes: the same upload)
 * and a duplicate (same bytes without the key: 409 naming the first upload).
 */
@QuarkusTest
class UploadSinglePassTest {
    @ConfigProperty(name = "ferry.uploads.storage-dir")
    Path storageDir;
    @ConfigProperty(name = "quarkus.http.body.uploads-directory")
    Path incoming;

    @Test
    void theSpooledFileIsTheOriginalAndItsHashFindsRetriesAndDuplicates() throws Exception {
        String person = ward("alice", "Single Pass", HEART);
        byte[] pdf = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(pdf);
        byte[] zip = UploadFixtures.zip(Map.of("records/scan.bin", pdf, "records/summary.xml", UploadFixtures.ccd()));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip));

        List<Path> spooledBefore = files(incoming);
        List<Path> tmpBefore = files(storageDir.resolve("tmp"));
        String first = request("alice", Map.of("records.zip", zip)).header("Idempotency-Key", "single-pass-1")
                .post(path(HEART, person)).then().statusCode(202).extract().path("id");
        Path original = storageDir.resolve("originals").resolve(sha.substring(0, 2)).resolve(sha);
        assertTrue(Files.isRegularFile(original), "stored under the hash of the bytes sent");
        assertEquals(zip.length, Files.size(original));
        assertEquals(spooledBefore, files(incoming), "nothing left in the spool folder");
        assertEquals(tmpBefore, files(storageDir.resolve("tmp")), "no copy set aside");

        String retry = request("alice", Map.of("records.zip", zip)).header("Idempotency-Key", "single-pass-1")
                .post(path(HEART, person)).then().statusCode(202).extract().path("id");
        assertEquals(first, retry, "the same key and bytes are the same upload");

        upload("alice", HEART, person, Map.of("again.zip", zip)).then().statusCode(409)
                .body("code", equalTo("already_uploaded")).body("uploadId", equalTo(first));
        assertEquals(spooledBefore, files(incoming));
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
