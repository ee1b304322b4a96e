package health.ferry.proofs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.uploads.storage.S3TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Everything stopped in the middle of ingesting uploads; started again, processing resumes and completes. The two
 * instances keep documents in S3-compatible storage (S3Mock, a real S3 server over HTTP) with separate local
 * folders, so an instance processing an upload another one received fetches it from the bucket, SHA-256 checked.
 */
@Tag("proofs")
class RestartProof {
    @Test
    void stoppingEverythingMidIngestLosesNothing() throws Exception {
        Prerequisites.packagedApp();
        Prerequisites.postgres();
        KeycloakServer keycloak = KeycloakServer.shared("http://localhost:" + Prerequisites.port(10));
        Path uploads = Files.createDirectories(Processes.LOGS.resolve("restart-uploads-" + UUID.randomUUID()));
        try (ProofDatabase db = new ProofDatabase("restart");
                S3TestServer s3 = S3TestServer.start(Files.createDirectories(uploads.resolve("s3")), "proof-uploads")) {
            FerryInstance.Cluster cluster = new FerryInstance.Cluster(keycloak, db, uploads)
                    .withS3(s3.endpoint(), "proof-uploads");
            FerryInstance a = cluster.instance("restart-a", Prerequisites.port(10)).start();
            FerryInstance b = cluster.instance("restart-b", Prerequisites.port(11)).start();
            Map<String, Integer> documents = new LinkedHashMap<>();
            try {
                FerryApi api = new FerryApi(a.baseUrl(), new KeycloakLogin(keycloak).accessToken("alice",
                        a.baseUrl()));
                String person = api.ward("Restart Ward " + UUID.randomUUID().toString().substring(0, 8));
                for (int i = 0; i < 6; i++) {
                    FerryApi via = i % 2 == 0 ? api : api.on(b);
                    documents.put(via.upload(person, "restart-" + i + ".zip",
                            FerryApi.notes(UUID.randomUUID().toString(), 40)), 40);
                }
                awaitPartlyProcessed(db, Duration.ofMinutes(2));
            } finally {
                a.stop();
                b.stop();
            }
            assertFalse(ProofChecks.unfinished(db, documents.keySet()).isEmpty(), "stopped mid-ingest");

            a.start();
            b.start();
            try {
                ProofChecks.awaitFinished(db, documents.keySet(), Duration.ofMinutes(5));
                ProofChecks.eachCompleteOnce(db, documents);
                for (String line : Files.readAllLines(a.log())) {
                    if (line.contains("upload storage: ")) {
                        assertTrue(line.contains("upload storage: s3 " + s3.endpoint()), line);
                    }
                }
                assertTrue(Files.exists(uploads.resolve("s3").resolve("store")), "the bucket's store");
                assertTrue(Files.isDirectory(uploads.resolve("restart-a")) && Files.isDirectory(uploads
                        .resolve("restart-b")), "each instance has its own working folder");
            } finally {
                a.stop();
                b.stop();
            }
        }
    }

    /** Waits until some upload has documents recorded but is not finished. */
    private static void awaitPartlyProcessed(ProofDatabase db, Duration timeout) throws Exception {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (db.count("select count(*) from upload u where u.status = 'processing' and exists "
                    + "(select 1 from upload_document d where d.upload_id = u.id)") > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no upload was ever half-processed");
    }
}
