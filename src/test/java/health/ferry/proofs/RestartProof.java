package health.ferry.proofs;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Everything stopped in the middle of ingesting uploads; started again, processing resumes and completes. */
@Tag("proofs")
class RestartProof {
    @Test
    void stoppingEverythingMidIngestLosesNothing() throws Exception {
        Prerequisites.packagedApp();
        Prerequisites.postgres();
        KeycloakServer keycloak = KeycloakServer.shared("http://localhost:" + Prerequisites.port(10));
        try (ProofDatabase db = new ProofDatabase("restart")) {
            Path uploads = Files.createDirectories(Processes.LOGS.resolve("restart-uploads-" + UUID.randomUUID()));
            FerryInstance.Cluster cluster = new FerryInstance.Cluster(keycloak, db, uploads);
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
