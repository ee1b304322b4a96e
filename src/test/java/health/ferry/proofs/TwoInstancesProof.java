package health.ferry.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two packaged Ferry processes on different ports share one PostgreSQL database and one upload folder, behind a
 * real Keycloak: uploads spread over both are each processed exactly once, a SIGKILLed instance's job is finished
 * by the other after the lease expires, and a session started on one instance is honoured by the other.
 *
 * <p>The weekly sync on two instances (fired on both at once, one SIGKILLed mid-sync) is {@link WeeklySyncProof}:
 * it needs a cluster configured differently (the sandbox portal on, a trigger every minute, short sync leases).
 */
@Tag("proofs")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesProof {
    private ProofDatabase db;
    private KeycloakServer keycloak;
    private FerryInstance a;
    private FerryInstance b;
    private FerryApi api;
    private final List<String> names = new ArrayList<>();

    @BeforeAll
    void startCluster() throws Exception {
        Prerequisites.packagedApp();
        Prerequisites.postgres();
        keycloak = KeycloakServer.shared("http://localhost:" + Prerequisites.port(10));
        db = new ProofDatabase("two");
        Path uploads = Files.createDirectories(Processes.LOGS.resolve("two-uploads-" + UUID.randomUUID()));
        FerryInstance.Cluster cluster = new FerryInstance.Cluster(keycloak, db, uploads);
        a = cluster.instance("two-a", Prerequisites.port(10)).start();
        b = cluster.instance("two-b", Prerequisites.port(11)).start();
        api = new FerryApi(a.baseUrl(), new KeycloakLogin(keycloak).accessToken("alice", a.baseUrl()));
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (a != null) {
            a.stop();
        }
        if (b != null) {
            b.stop();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    @Order(1)
    void aSessionStartedOnOneInstanceIsHonouredByTheOther() throws Exception {
        KeycloakLogin login = new KeycloakLogin(keycloak);
        KeycloakLogin.Jar jar = login.pageSession("bob", a.baseUrl());
        // Cookies belong to the host, not the port: behind a load balancer the browser sends them to any instance.
        String cookies = String.join("; ", jar.of("localhost:" + a.port).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList());
        assertTrue(cookies.contains("q_session_ferry"), "signed in on A (the sign-in tenant's cookie, in chunks): "
                + jar.of("localhost:" + a.port).keySet());

        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> onB = http.send(java.net.http.HttpRequest.newBuilder(URI.create(b.baseUrl() + "/home"))
                .header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, onB.statusCode(), "B reads A's encrypted session cookie instead of sending to Keycloak");
        assertTrue(onB.body().contains("action=\"/logout\""), "B shows the signed-in page");

        // A form token from a page B rendered is accepted by A (CSRF tokens are signed with the shared secret).
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(onB.body());
        assertTrue(token.find());
        Map<String, String> browser = new LinkedHashMap<>(jar.of("localhost:" + a.port));
        for (String set : onB.headers().allValues("set-cookie")) {
            String pair = set.split(";", 2)[0];
            browser.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        HttpResponse<String> logout = http.send(java.net.http.HttpRequest.newBuilder(URI.create(a.baseUrl()
                + "/logout")).header("Cookie", String.join("; ", browser.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("csrf-token="
                        + java.net.URLEncoder.encode(token.group(1), java.nio.charset.StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, logout.statusCode(), "sign-out with B's form token on A: " + logout.body());
        assertTrue(logout.headers().firstValue("location").orElse("").startsWith(keycloak.issuer()),
                "sign-out ends the Keycloak session");
    }

    @Test
    @Order(2)
    void twentyUploadsSpreadOverBothAreEachProcessedExactlyOnce() throws Exception {
        Map<String, Integer> documents = new LinkedHashMap<>();
        List<String> people = List.of(ward(), ward());
        for (int i = 0; i < 20; i++) {
            FerryApi via = i % 2 == 0 ? api : api.on(b);
            String seed = UUID.randomUUID().toString();
            documents.put(via.upload(people.get(i % 2), "package-" + i + ".zip", FerryApi.notes(seed, 3)), 3);
        }
        ProofChecks.awaitFinished(db, documents.keySet(), Duration.ofMinutes(5));
        ProofChecks.eachCompleteOnce(db, documents);
        for (String id : documents.keySet()) {
            assertEquals(1, ProofChecks.attempts(db, id), "upload " + id + " ran once");
        }
        List<String> byA = ProofChecks.finishedIn(a.log());
        List<String> byB = ProofChecks.finishedIn(b.log());
        List<String> all = new ArrayList<>(byA);
        all.addAll(byB);
        all.retainAll(documents.keySet());
        assertEquals(20, all.size(), "20 completions logged across both instances");
        assertEquals(new HashSet<>(all), documents.keySet(), "each upload completed by exactly one instance");
        assertFalse(byA.stream().noneMatch(documents::containsKey), "A processed some");
        assertFalse(byB.stream().noneMatch(documents::containsKey), "B processed some");
    }

    @Test
    @Order(3)
    void aKilledInstancesUploadIsFinishedByTheOtherAfterTheLease() throws Exception {
        Map<String, Integer> documents = new LinkedHashMap<>();
        String person = ward();
        for (int i = 0; i < 6; i++) {
            documents.put(api.on(b).upload(person, "large-" + i + ".zip",
                    FerryApi.notes(UUID.randomUUID().toString(), 40)), 40);
        }
        String victim = awaitRunningOn(b, documents.keySet(), Duration.ofMinutes(2));
        b.kill();
        assertTrue(ProofChecks.unfinished(db, List.of(victim)).contains(victim), "killed mid-ingest");

        ProofChecks.awaitFinished(db, documents.keySet(), Duration.ofMinutes(5));
        ProofChecks.eachCompleteOnce(db, documents);
        assertTrue(ProofChecks.attempts(db, victim) >= 2, "the killed attempt was taken over");
        assertTrue(ProofChecks.finishedIn(a.log()).contains(victim), "A finished what B left");
    }

    @Test
    @Order(4)
    void logsAreJsonWithoutPersonalData() throws Exception {
        for (FerryInstance instance : List.of(a, b)) {
            ProofChecks.structuredWithoutPersonalData(instance.log(), forbidden());
        }
    }

    private List<String> forbidden() {
        List<String> words = new ArrayList<>(names);
        words.addAll(List.of("Alice", "Bob", "visit-0.txt", "package-1.zip", "large-1.zip", "Blood pressure"));
        return words;
    }

    private String ward() {
        String name = "Proof Ward " + UUID.randomUUID().toString().substring(0, 8);
        names.add(name);
        return api.ward(name);
    }

    /** An upload of {@code ids} that {@code instance} is processing and has recorded part of. */
    private String awaitRunningOn(FerryInstance instance, java.util.Set<String> ids, Duration timeout)
            throws Exception {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            for (String id : db.column("select cast(j.upload_id as varchar) from upload_job j where j.state = 'running'"
                    + " and j.lease_owner like ? and (select count(*) from upload_document d"
                    + " where d.upload_id = j.upload_id) > 0", instance.pid() + "-%")) {
                if (ids.contains(id)) {
                    return id;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(instance.name + " never held a half-processed upload");
    }
}
