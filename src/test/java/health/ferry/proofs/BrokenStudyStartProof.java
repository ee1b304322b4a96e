package health.ferry.proofs;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A study file that cannot be read stops the packaged app's start, and the log names the file. The study catalogue
 * is first made on the {@code ferry-start} thread while Hibernate boots ({@code web.StartInParallel}); its failure
 * there must not be swallowed: the main thread makes the catalogue again at {@code StartupEvent} and the start fails.
 */
@Tag("proofs")
class BrokenStudyStartProof {
    @Test
    void aBrokenStudyFileStopsTheStart() throws Exception {
        Prerequisites.packagedApp();
        Prerequisites.postgres();
        KeycloakServer keycloak = KeycloakServer.shared("http://localhost:" + Prerequisites.port(10));
        Path studies = Files.createDirectories(Processes.LOGS.resolve("broken-studies-" + UUID.randomUUID()));
        Files.writeString(studies.resolve("broken-study.yaml"), "id: [never closed\ntitle: Broken\n");
        Path uploads = Files.createDirectories(studies.resolve("uploads"));
        try (ProofDatabase db = new ProofDatabase("brokenstudy")) {
            FerryInstance ferry = new FerryInstance.Cluster(keycloak, db, uploads)
                    .property("ferry.studies.dir", studies.toString())
                    .instance("broken-study", Prerequisites.port(12));
            IllegalStateException refused = assertThrows(IllegalStateException.class, ferry::start);
            assertTrue(refused.getMessage().contains("exited with"), refused.getMessage());
            String log = Files.readString(ferry.log());
            assertTrue(log.contains("broken-study.yaml"), "the log names the file: " + ferry.log());
        }
    }
}
