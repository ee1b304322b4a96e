package health.ferry.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import health.ferry.BenchResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Benchmark 9 (docs/benchmarks.md, issue 20): how long a participant waits from pressing "Connect" (the POST that
 * starts a credentials connection, demo/demo at the sandbox: 290 records) until the first record waits for them
 * under Records (the records API answers one pending record), with no "sync now": the first sync follows the
 * connection. 20 connections, one after the other, each for a new ward; p50, p95 and max.
 *
 * <p>Against the packaged app ({@code quarkus-run.jar}, prod profile, PostgreSQL, a real Keycloak, the sandbox turned
 * on as {@link WeeklySyncProof} does), or, with {@code -Dbench.first-records.target=http://localhost:PORT} and
 * {@code -Dbench.first-records.oidc=http://localhost:OIDC} (the dev OIDC server's URL from the dev log), against a
 * running {@code ./mvnw quarkus:dev -Dferry.accounts.max-people=100 -Dferry.accounts.max-new-people-per-hour=100}
 * (H2; one participant adds the 20 wards, above an account's ward limits): the same measurement, tokens from the
 * built-in dev server.
 */
class FirstRecordsBenchmarkIT {
    private static final int CONNECTIONS = Integer.getInteger("bench.first-records.connections", 20);
    private static final String TARGET = System.getProperty("bench.first-records.target", "");

    @Test
    void connectToFirstPendingRecord() throws Exception {
        if (!TARGET.isBlank()) {
            String oidc = System.getProperty("bench.first-records.oidc");
            String token = io.restassured.RestAssured.given().formParam("grant_type", "password")
                    .formParam("client_id", "quarkus-app").formParam("username", "alice").formParam("scope", "openid")
                    .post(oidc + "/token").then().statusCode(200).extract().path("access_token");
            measure(new FerryApi(TARGET, token), "dev mode (`./mvnw quarkus:dev`, H2) at " + TARGET, 20_000);
            return;
        }
        Prerequisites.packagedApp();
        Prerequisites.postgres();
        int port = Prerequisites.port(20);
        KeycloakServer keycloak = KeycloakServer.shared("http://localhost:" + port);
        try (ProofDatabase db = new ProofDatabase("firstrecords")) {
            String portal = "http://localhost:" + port;
            Path uploads = Files.createTempDirectory("ferry-first-records");
            FerryInstance ferry = new FerryInstance.Cluster(keycloak, db, uploads)
                    .property("ferry.sandbox.enabled", "true")
                    .property("ferry.sandbox.base-url", portal)
                    .property("ferry.outbound.allow-hosts", "localhost")
                    // one participant adds the 20 wards: above an account's ward limits (20, and 10 an hour)
                    .property("ferry.accounts.max-people", "100")
                    .property("ferry.accounts.max-new-people-per-hour", "100")
                    .property("ferry.connections.credential-platforms.\"mychart.sandbox-general.example\"",
                            portal + "/sandbox/api/sessions")
                    .instance("first-records", port).start();
            try {
                FerryApi api = new FerryApi(ferry.baseUrl(), new KeycloakLogin(keycloak).accessToken("alice",
                        ferry.baseUrl()));
                measure(api, "the packaged app (prod profile) on PostgreSQL", 10_000);
            } finally {
                ferry.stop();
            }
        }
    }

    private static void measure(FerryApi api, String where, double targetP95) throws Exception {
        List<Double> waits = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            String person = api.ward("Bench First Records " + UUID.randomUUID().toString().substring(0, 8));
            long start = System.nanoTime();
            api.connectSandbox(person, "demo");
            long deadline = start + 120_000_000_000L;
            while (!api.hasPendingRecords(person) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            double millis = (System.nanoTime() - start) / 1e6;
            assertEquals(true, api.hasPendingRecords(person), "no pending record within 2 minutes");
            waits.add(millis);
        }
        double[] all = waits.stream().mapToDouble(Double::doubleValue).toArray();
        double p50 = BenchResults.percentile(all, 0.50);
        double p95 = BenchResults.percentile(all, 0.95);
        double max = waits.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        String row = String.format(Locale.ROOT, "| 9 | Connect → first pending record, %s, %d connections | "
                + "p50 %s ms, p95 %s ms, max %s ms | – | – | p95 ≤ %s ms | %s |", where, CONNECTIONS,
                BenchResults.fmt(p50), BenchResults.fmt(p95), BenchResults.fmt(max), BenchResults.fmt(targetP95),
                p95 <= targetP95 ? "yes" : "**no**");
        System.out.println(row);
        BenchResults.record("9-first-records", List.of(row), List.of(String.format(Locale.ROOT,
                "Each wait runs from the POST that starts the connection (demo/demo) to the first records API answer "
                        + "holding a pending record, polled every 100 ms; waits in ms: %s.",
                String.join(" ", waits.stream().map(BenchResults::fmt).toList()))));
    }
}
