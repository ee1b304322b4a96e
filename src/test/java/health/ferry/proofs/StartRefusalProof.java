package health.ferry.proofs;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * The packaged app refuses to start, with the reason in its log, when what it starts on is wrong. In production the
 * start-up work of {@code web.StartInParallel} runs on a thread of its own (the study catalogue, the migration,
 * Hibernate's schema check); its failures must stop the start as they did when they ran on the main thread.
 */
@Tag("proofs")
class StartRefusalProof {
    @Test
    void aBrokenStudyFileStopsTheStart() throws Exception {
        Path studies = Files.createDirectories(Processes.LOGS.resolve("broken-studies-" + UUID.randomUUID()));
        Files.writeString(studies.resolve("broken-study.yaml"), "id: [never closed\ntitle: Broken\n");
        try (ProofDatabase db = new ProofDatabase("brokenstudy")) {
            FerryInstance ferry = cluster(db).property("ferry.studies.dir", studies.toString())
                    .instance("broken-study", Prerequisites.port(12));
            assertRefused(ferry, "broken-study.yaml");
        }
    }

    @Test
    void aSchemaThatDoesNotMatchTheEntitiesStopsTheStart() throws Exception {
        try (ProofDatabase db = new ProofDatabase("schemadrift")) {
            FerryInstance ferry = cluster(db).instance("schema-drift", Prerequisites.port(12));
            ferry.start(); // migrates
            ferry.stop();
            db.execute("alter table person drop column birth_date");
            assertRefused(ferry, "birth_date");
        }
    }

    @Test
    void aMigrationThatFailsStopsTheStart() throws Exception {
        try (ProofDatabase db = new ProofDatabase("badmigration")) {
            // a schema Flyway did not make: it refuses to migrate over it
            db.execute("create table account (squatter integer)");
            FerryInstance ferry = cluster(db).instance("bad-migration", Prerequisites.port(12));
            assertRefused(ferry, "Found non-empty schema");
            assertTrue(db.column("select count(*) from information_schema.tables where table_name = 'person'")
                    .get(0).equals("0"), "nothing of V1 left behind");
        }
    }

    @Test
    void aFlywayActionThatWouldRaceTheMigrationStopsTheStart() throws Exception {
        try (ProofDatabase db = new ProofDatabase("flywayrace")) {
            FerryInstance ferry = cluster(db).property("quarkus.flyway.baseline-at-start", "true")
                    .instance("flyway-race", Prerequisites.port(12));
            assertRefused(ferry, "ferry.start.migrate migrates on Ferry's start-up thread");
        }
    }

    private static FerryInstance.Cluster cluster(ProofDatabase db) throws Exception {
        Prerequisites.packagedApp();
        Prerequisites.postgres();
        KeycloakServer keycloak = KeycloakServer.shared("http://localhost:" + Prerequisites.port(10));
        Path uploads = Files.createDirectories(Processes.LOGS.resolve("refusal-uploads-" + UUID.randomUUID()));
        return new FerryInstance.Cluster(keycloak, db, uploads);
    }

    private static void assertRefused(FerryInstance ferry, String reason) throws Exception {
        IllegalStateException refused = assertThrows(IllegalStateException.class, ferry::start);
        assertTrue(refused.getMessage().contains("exited with"), refused.getMessage());
        String log = Files.readString(ferry.log());
        assertTrue(log.contains(reason), "the log gives the reason (" + reason + "): " + ferry.log());
    }
}
