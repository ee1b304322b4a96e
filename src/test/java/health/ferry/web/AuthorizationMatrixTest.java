package health.ferry.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import health.ferry.PageSession;
import health.ferry.Tokens;
import health.ferry.audit.AuditEntry;
import health.ferry.audit.AuditTrail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The generated authorisation matrix (plan P1, non-negotiable 7): every route of the application, page and API alike,
 * found by reflection over the JAX-RS resources, must have an entry in {@link #MATRIX}; a new route without one fails
 * {@link #everyRouteHasAMatrixEntry()}. Each entry names the resource, the action and who may use the route; the test
 * then calls it as each of the seven actors against real objects (a participant's own person, a ward, their
 * connections, uploads and enrolments): exactly the allowed cells get past authorisation, every other signed-in cell
 * is a 404 (no existence oracle) that leaves an {@code access.denied}/{@code access.forbidden} audit row, and
 * anonymous callers get 401 (API) or a redirect to sign in (pages).
 *
 * <h2>Adding a route (integrator, other features)</h2>
 * Add one line to {@link #MATRIX}: {@code route("METHOD /path/{param}", resource, action, Scope.X)} — optionally
 * {@code .json(body)}, {@code .form(fields)} or {@code .multipart()} — where the path is spelled as the resource
 * classes' {@code @Path} values joined (see the failure message of {@link #everyRouteHasAMatrixEntry()}, which prints
 * the missing keys). Path parameters and body values in braces are filled per actor from the fixture:
 * {@code {personId} {id} (connection) {uploadId} {studyId} {enrollmentId} {portalId}}; add a filler in
 * {@link Fixture#params} for a new kind of object. Scopes: OWNED (owner and guardian only), SELF (any participant,
 * each sees only their own — checked by the ward's name never showing to others), COORDINATOR (coordinators only;
 * add a scope such as STUDY_COORDINATOR for routes of one study's coordinator), ADMIN, SIGNED_IN, PUBLIC.
 */
@QuarkusTest
class AuthorizationMatrixTest {
    /** Who calls. OWNER acts for their own person, GUARDIAN (the same account) for its ward; the rest for the ward. */
    enum Actor {
        OWNER("alice"), GUARDIAN("alice"), OTHER_PARTICIPANT("bob"), STUDY_COORDINATOR("casey"),
        OTHER_COORDINATOR("dana"), ADMIN("admin"), ANONYMOUS(null);

        final String user;

        Actor(String user) {
            this.user = user;
        }
    }

    enum Scope {
        /** The person (or their object) named in the path or form: owner and guardian. */
        OWNED(EnumSet.of(Actor.OWNER, Actor.GUARDIAN)),
        /** The caller's own things, chosen by the session: every participant sees only theirs. */
        SELF(EnumSet.of(Actor.OWNER, Actor.GUARDIAN, Actor.OTHER_PARTICIPANT)),
        /** Coordinator pages and API: each coordinator sees only their own studies. */
        COORDINATOR(EnumSet.of(Actor.STUDY_COORDINATOR, Actor.OTHER_COORDINATOR)),
        /** One study's review, dashboard and export: only the coordinators that study lists. */
        STUDY_COORDINATOR(EnumSet.of(Actor.STUDY_COORDINATOR)),
        ADMIN(EnumSet.of(Actor.ADMIN)),
        /** Not personal: any signed-in account. */
        SIGNED_IN(EnumSet.of(Actor.OWNER, Actor.GUARDIAN, Actor.OTHER_PARTICIPANT, Actor.STUDY_COORDINATOR,
                Actor.OTHER_COORDINATOR, Actor.ADMIN)),
        /** Participant-only routes that are not personal (a participant's own choices). */
        PARTICIPANT(EnumSet.of(Actor.OWNER, Actor.GUARDIAN, Actor.OTHER_PARTICIPANT)),
        PUBLIC(EnumSet.allOf(Actor.class)),
        /**
         * Reachable only with a one-time object the matrix fixture does not hold (a SMART state, a notice): every actor
         * gets 404 here; the allowed path is the feature's own test (SmartConnectionsTest, NoticePagesTest).
         */
        NOBODY(EnumSet.noneOf(Actor.class));

        final Set<Actor> allowed;

        Scope(Set<Actor> allowed) {
            this.allowed = allowed;
        }
    }

    /** One matrix entry: a route, what it touches, and who may. */
    static final class Entry {
        final String key;
        final String resource;
        final String action;
        final Scope scope;
        Map<String, Object> json;
        Map<String, String> form;
        boolean multipart;

        Entry(String key, String resource, String action, Scope scope) {
            this.key = key;
            this.resource = resource;
            this.action = action;
            this.scope = scope;
        }

        Entry json(Map<String, Object> body) {
            json = body;
            return this;
        }

        Entry form(Map<String, String> fields) {
            form = fields;
            return this;
        }

        Entry multipart() {
            multipart = true;
            return this;
        }

        String method() {
            return key.substring(0, key.indexOf(' '));
        }

        String path() {
            return key.substring(key.indexOf(' ') + 1);
        }

        boolean page() {
            return !path().startsWith("/api/");
        }

        boolean destructive() {
            return action.equals("delete");
        }
    }

    private static final Map<String, Entry> MATRIX = new LinkedHashMap<>();

    private static Entry route(String key, String resource, String action, Scope scope) {
        Entry entry = new Entry(key, resource, action, scope);
        if (MATRIX.put(key, entry) != null) {
            throw new IllegalStateException("two matrix entries for " + key);
        }
        return entry;
    }

    static {
        Map<String, Object> none = Map.of();
        // people and the account
        route("GET /api/v1/me", "people", "read", Scope.SIGNED_IN);
        route("GET /api/v1/people", "people", "list", Scope.SELF);
        route("POST /api/v1/people", "people", "change", Scope.PARTICIPANT).json(Map.of("displayName", "Matrix Extra",
                "birthDate", "2015-01-01", "relationship", "child", "authorityAttested", true));
        route("GET /api/v1/people/{personId}", "people", "read", Scope.OWNED);
        route("PUT /api/v1/people/{personId}", "people", "change", Scope.OWNED).json(Map.of("displayName",
                "Matrix Renamed", "birthDate", "2012-06-01", "relationship", "child", "authorityAttested", true));
        route("DELETE /api/v1/people/{personId}", "people", "delete", Scope.OWNED);
        route("GET /account", "people", "list", Scope.SIGNED_IN);
        route("GET /account/people/new", "people", "change", Scope.PARTICIPANT);
        route("POST /account/people", "people", "change", Scope.PARTICIPANT).form(Map.of("displayName", "Matrix Form",
                "birthDate", "2015-01-01", "relationship", "child", "authorityAttested", "on"));
        route("GET /account/people/{personId}/edit", "people", "read", Scope.OWNED);
        route("POST /account/people/{personId}", "people", "change", Scope.OWNED).form(Map.of("displayName",
                "Matrix Edited", "birthDate", "2012-06-01", "relationship", "child", "authorityAttested", "on"));
        route("GET /account/people/{personId}/remove", "people", "read", Scope.OWNED);
        route("POST /account/people/{personId}/remove", "people", "delete", Scope.OWNED).form(Map.of());
        route("POST /acting-as", "people", "change", Scope.OWNED).form(Map.of("personId", "{personId}"));
        // studies and enrolments
        route("GET /api/v1/studies", "studies", "list", Scope.SIGNED_IN);
        route("POST /api/v1/studies/{studyId}/enrollments", "enrolments", "change", Scope.OWNED)
                .json(Map.of("personId", "{personId}", "consentVersion", "2026-03"));
        route("GET /api/v1/people/{personId}/enrollments", "enrolments", "list", Scope.OWNED);
        route("DELETE /api/v1/people/{personId}/enrollments/{enrollmentId}", "enrolments", "delete", Scope.OWNED);
        route("PUT /api/v1/people/{personId}/enrollments/{enrollmentId}/sharing", "enrolments", "change",
                Scope.OWNED).json(Map.of("sharedCategories", List.of("conditions")));
        route("GET /api/v1/coordinator/studies", "studies", "list", Scope.COORDINATOR);
        route("GET /studies", "studies", "list", Scope.SIGNED_IN);
        route("GET /studies/{studyId}", "studies", "read", Scope.SIGNED_IN);
        route("POST /studies/{studyId}/enrol", "enrolments", "change", Scope.OWNED).form(Map.of("personId",
                "{personId}", "consentVersion", "2026-03", "agree", "on"));
        route("POST /studies/{studyId}/withdraw", "enrolments", "delete", Scope.OWNED).form(Map.of("personId",
                "{personId}", "enrolmentId", "{enrollmentId}"));
        route("POST /studies/{studyId}/sharing", "enrolments", "change", Scope.OWNED).form(Map.of("personId",
                "{personId}", "enrolmentId", "{enrollmentId}", "shared", "conditions"));
        route("GET /coordinator", "studies", "list", Scope.COORDINATOR);
        // connections and credentials
        route("POST /api/v1/people/{personId}/connections", "connections", "change", Scope.OWNED)
                .json(Map.of("portalId", "{portalId}", "username", "demo", "password", "demo"));
        route("GET /api/v1/people/{personId}/connections", "connections", "list", Scope.OWNED);
        route("GET /api/v1/connections/{id}", "connections", "read", Scope.OWNED);
        route("PUT /api/v1/connections/{id}/credentials", "credentials", "change", Scope.OWNED)
                .json(Map.of("username", "demo", "password", "demo"));
        route("POST /api/v1/connections/{id}/second-factor", "credentials", "change", Scope.OWNED)
                .json(Map.of("code", "000000"));
        route("POST /api/v1/connections/{id}/profile", "connections", "change", Scope.OWNED)
                .json(Map.of("profileId", "p1"));
        route("POST /api/v1/connections/{id}/recheck", "connections", "change", Scope.OWNED).json(none);
        route("POST /api/v1/connections/{id}/reconnect", "connections", "change", Scope.OWNED).json(none);
        route("POST /api/v1/connections/{id}/sync", "connections", "change", Scope.OWNED).json(none);
        route("DELETE /api/v1/connections/{id}", "connections", "delete", Scope.OWNED);
        route("GET /connections", "connections", "list", Scope.SELF);
        route("GET /connections/new", "connections", "change", Scope.PARTICIPANT);
        route("GET /connections/new/{portalId}", "connections", "change", Scope.PARTICIPANT);
        route("GET /connections/{id}", "connections", "read", Scope.OWNED);
        route("GET /connections/smart/callback", "connections", "change", Scope.NOBODY);
        route("POST /connections", "connections", "change", Scope.SELF).form(Map.of("portalId", "{portalId}",
                "username", "demo", "password", "demo", "personId", "{personId}"));
        route("POST /connections/portal-requests", "connections", "change", Scope.PARTICIPANT)
                .form(Map.of("request", "Matrix Clinic"));
        route("POST /connections/{id}/credentials", "credentials", "change", Scope.OWNED).form(Map.of("username",
                "demo", "password", "demo"));
        route("POST /connections/{id}/second-factor", "credentials", "change", Scope.OWNED).form(Map.of("code",
                "000000"));
        route("POST /connections/{id}/profile", "connections", "change", Scope.OWNED).form(Map.of("profileId", "p1"));
        route("POST /connections/{id}/recheck", "connections", "change", Scope.OWNED).form(Map.of());
        route("POST /connections/{id}/reconnect", "connections", "change", Scope.OWNED).form(Map.of());
        route("POST /connections/{id}/sync", "connections", "change", Scope.OWNED).form(Map.of());
        route("POST /connections/{id}/disconnect", "connections", "delete", Scope.OWNED).form(Map.of());
        // portal directory
        route("GET /api/v1/portals", "directory", "list", Scope.SIGNED_IN);
        route("POST /api/v1/portals/requests", "directory", "change", Scope.PARTICIPANT)
                .json(Map.of("request", "Matrix Clinic"));
        route("POST /api/v1/admin/portals/{portalId}/support-status", "directory", "decide", Scope.ADMIN)
                .json(Map.of("supportStatus", "supported"));
        route("POST /api/v1/admin/directory/imports", "directory", "change", Scope.ADMIN).json(none);
        route("GET /admin/directory", "directory", "list", Scope.ADMIN);
        route("GET /api/v1/admin/audit/verify", "audit", "read", Scope.ADMIN);
        route("POST /admin/directory/imports", "directory", "change", Scope.ADMIN).multipart();
        route("POST /admin/directory/portals/{portalId}/support-status", "directory", "decide", Scope.ADMIN)
                .form(Map.of("supportStatus", "supported"));
        route("GET /api/v1/admin/portal-setup-problems", "directory", "list", Scope.ADMIN);
        route("POST /api/v1/admin/portal-setup-problems/{problemId}/resolved", "directory", "decide", Scope.ADMIN)
                .json(none);
        route("POST /admin/directory/setup-problems/{problemId}/resolved", "directory", "decide", Scope.ADMIN)
                .form(Map.of());
        // Ferry's client registrations at portals and its signing keys (bodies invalid: nothing is changed)
        route("GET /api/v1/admin/client-registrations", "client registrations", "list", Scope.ADMIN);
        route("PUT /api/v1/admin/portals/{portalId}/client-registration", "client registrations", "change",
                Scope.ADMIN).json(Map.of("authMethod", "matrix"));
        route("DELETE /api/v1/admin/portals/{portalId}/client-registration", "client registrations", "delete",
                Scope.ADMIN);
        route("PUT /api/v1/admin/brands/{brand}/client-registration", "client registrations", "change", Scope.ADMIN)
                .json(Map.of("authMethod", "matrix"));
        route("DELETE /api/v1/admin/brands/{brand}/client-registration", "client registrations", "delete",
                Scope.ADMIN);
        route("GET /api/v1/admin/signing-keys", "signing keys", "list", Scope.ADMIN);
        route("POST /api/v1/admin/signing-keys/{kid}/retired", "signing keys", "change", Scope.ADMIN).json(none);
        route("POST /admin/directory/client-registrations", "client registrations", "change", Scope.ADMIN)
                .form(Map.of("scope", "brand", "brand", "{brand}"));
        route("POST /admin/directory/client-registrations/removed", "client registrations", "delete", Scope.ADMIN)
                .form(Map.of("brand", "{brand}"));
        // records, exports, settings
        route("GET /api/v1/people/{personId}/records", "records", "list", Scope.OWNED);
        route("POST /api/v1/people/{personId}/records/decisions", "records", "decide", Scope.OWNED)
                .json(Map.of("accept", List.of(), "delete", List.of()));
        route("GET /api/v1/people/{personId}/records/export", "exports", "read", Scope.OWNED);
        route("GET /api/v1/people/{personId}/settings", "settings", "read", Scope.OWNED);
        route("PUT /api/v1/people/{personId}/settings", "settings", "change", Scope.OWNED)
                .json(Map.of("categories", Map.of()));
        route("GET /records", "records", "list", Scope.SELF);
        route("POST /records/decisions", "records", "decide", Scope.SELF).form(Map.of("action", "share"));
        route("GET /records/settings", "settings", "read", Scope.SELF);
        route("POST /records/settings", "settings", "change", Scope.SELF).form(Map.of());
        // uploads and documents
        route("POST /api/v1/studies/{studyId}/people/{personId}/supporting-documents", "uploads", "change",
                Scope.OWNED).multipart();
        route("GET /api/v1/uploads/{uploadId}", "uploads", "read", Scope.OWNED);
        route("GET /api/v1/people/{personId}/uploads", "uploads", "list", Scope.OWNED);
        route("GET /supporting-documents", "uploads", "list", Scope.SELF);
        route("POST /supporting-documents/{studyId}/confirm", "uploads", "change", Scope.OWNED)
                .form(Map.of("personId", "{personId}", "confirm", "yes"));
        route("POST /supporting-documents/{studyId}/uploads", "uploads", "change", Scope.OWNED).multipart();
        route("GET /supporting-documents/uploads/{uploadId}", "documents", "read", Scope.OWNED);
        // coordinators: one study's review queue, documents, decisions, funnel, dashboard, messages and exports
        route("GET /api/v1/coordinator/studies/{studyId}/uploads", "uploads", "list", Scope.STUDY_COORDINATOR);
        route("GET /api/v1/coordinator/uploads/{uploadId}", "uploads", "read", Scope.STUDY_COORDINATOR);
        route("POST /api/v1/coordinator/uploads/{uploadId}/review", "uploads", "decide", Scope.STUDY_COORDINATOR)
                .json(Map.of("decision", "accepted", "documents", List.of()));
        route("GET /api/v1/coordinator/documents/{documentId}", "documents", "read", Scope.STUDY_COORDINATOR);
        route("GET /api/v1/coordinator/documents/{documentId}/content", "document content", "read",
                Scope.STUDY_COORDINATOR);
        route("POST /api/v1/coordinator/documents/{documentId}/review", "documents", "decide",
                Scope.STUDY_COORDINATOR).json(Map.of("decision", "accepted"));
        route("GET /api/v1/coordinator/studies/{studyId}/funnel", "studies", "read", Scope.STUDY_COORDINATOR);
        route("GET /api/v1/coordinator/studies/{studyId}/export", "exports", "read", Scope.STUDY_COORDINATOR);
        route("GET /coordinator/studies/{studyId}/queue", "uploads", "list", Scope.STUDY_COORDINATOR);
        route("GET /coordinator/uploads/{uploadId}", "uploads", "read", Scope.STUDY_COORDINATOR);
        route("POST /coordinator/uploads/{uploadId}/decisions", "uploads", "decide", Scope.STUDY_COORDINATOR)
                .form(Map.of("decision", "accepted", "document", "{documentId}"));
        route("GET /coordinator/documents/{documentId}", "documents", "read", Scope.STUDY_COORDINATOR);
        route("GET /coordinator/documents/{documentId}/preview", "document content", "read",
                Scope.STUDY_COORDINATOR);
        route("GET /coordinator/documents/{documentId}/pages/{page}", "document content", "read",
                Scope.STUDY_COORDINATOR);
        route("POST /coordinator/documents/{documentId}/decision", "documents", "decide", Scope.STUDY_COORDINATOR)
                .form(Map.of("uploadId", "{uploadId}", "decision", "accepted"));
        // lab values read from a lab report (issue 25): the list is the study coordinator's; a decision needs a
        // proposed result, which the matrix's PNG has none of (LabResultsApiTest and LabResultsBrowserTest decide)
        route("GET /api/v1/coordinator/documents/{documentId}/lab-results", "lab results", "list",
                Scope.STUDY_COORDINATOR);
        route("POST /api/v1/coordinator/documents/{documentId}/lab-results/{resultId}", "lab results", "decide",
                Scope.NOBODY).json(Map.of("rest", "confirmed"));
        route("POST /coordinator/documents/{documentId}/lab-results/{resultId}", "lab results", "decide",
                Scope.NOBODY).form(Map.of("action", "save"));
        route("GET /coordinator/studies/{studyId}/dashboard", "studies", "read", Scope.STUDY_COORDINATOR);
        // a dashboard bar's participants (by pseudonym): the study's coordinators only
        route("GET /coordinator/studies/{studyId}/dashboard/{chart}/{bar}", "participants", "list",
                Scope.STUDY_COORDINATOR);
        route("POST /coordinator/studies/{studyId}/messages", "people", "change", Scope.STUDY_COORDINATOR)
                .form(Map.of("participant", "{pseudonym}", "message", "Please upload your lab results."));
        // the participant's access log and timeline
        route("GET /api/v1/people/{personId}/access-log", "access log", "list", Scope.OWNED);
        route("GET /api/v1/people/{personId}/received", "what studies received", "list", Scope.OWNED);
        route("GET /api/v1/people/{personId}/measurements", "records", "list", Scope.OWNED);
        route("GET /account/access-log", "access log", "list", Scope.SELF);
        route("GET /records/timeline", "records", "list", Scope.SELF);
        // notices, home, sign-out
        route("POST /notices/{id}/dismiss", "settings", "change", Scope.NOBODY).form(Map.of());
        route("GET /", "home", "read", Scope.PUBLIC);
        route("GET /home", "home", "read", Scope.SIGNED_IN);
        route("GET /signed-out", "home", "read", Scope.PUBLIC);
        route("GET /q/openapi", "API description", "read", Scope.PUBLIC);
        route("GET /.well-known/jwks.json", "Ferry's public signing keys", "read", Scope.PUBLIC);
        route("POST /logout", "session", "delete", Scope.SIGNED_IN).form(Map.of());
    }

    /** The matrix entries, for tests generated over the routes (CSRF). */
    static java.util.Collection<Entry> matrix() {
        return MATRIX.values();
    }

    /** The sandbox portal (/sandbox/*) is a stand-in for hospitals' servers in dev and tests, not Ferry's data. */
    private static final Set<String> NOT_FERRY = Set.of("health.ferry.sandbox");

    @Inject
    AuditTrail audit;

    @Test
    void everyRouteHasAMatrixEntry() throws IOException {
        Set<String> routes = routes();
        Set<String> missing = new TreeSet<>(routes);
        missing.removeAll(MATRIX.keySet());
        Set<String> stale = new TreeSet<>(MATRIX.keySet());
        stale.removeAll(routes);
        assertEquals(Set.of(), missing, "routes without an authorisation-matrix entry (add them to MATRIX)");
        assertEquals(Set.of(), stale, "matrix entries for routes that no longer exist");
    }

    @Test
    void exactlyTheAllowedCellsGetThrough() {
        Fixture fixture = new Fixture();
        List<String> failures = new ArrayList<>();
        List<Entry> ordered = new ArrayList<>(MATRIX.values());
        ordered.sort((a, b) -> Boolean.compare(a.destructive(), b.destructive()));
        for (Entry entry : ordered) {
            for (Actor actor : Actor.values()) {
                try {
                    cell(fixture, entry, actor);
                } catch (AssertionError e) {
                    failures.add(entry.key + " as " + actor + ": " + e.getMessage());
                }
            }
        }
        assertEquals(List.of(), failures, () -> failures.size() + " cells wrong:\n" + String.join("\n", failures));
    }

    private void cell(Fixture fixture, Entry entry, Actor actor) {
        boolean allowed = entry.scope.allowed.contains(actor);
        Map<String, String> params = fixture.params(actor, entry, allowed);
        Instant before = Instant.now();
        Response response = call(fixture, entry, actor, params);
        int status = response.statusCode();
        if (actor == Actor.ANONYMOUS && !allowed) {
            boolean toSignIn = entry.path().startsWith("/api/") ? status == 401 : status == 302 || status == 303;
            assertTrue(toSignIn, "anonymous got " + status);
            return;
        }
        if (allowed) {
            assertTrue(status != 401 && status != 403 && status != 404 && status < 500, "allowed but got " + status
                    + " " + snippet(response));
            if ((entry.scope == Scope.SELF || entry.scope == Scope.SIGNED_IN) && actor != Actor.OWNER
                    && actor != Actor.GUARDIAN) {
                assertFalse(response.asString().contains(fixture.wardName), "another participant saw the ward");
            }
            return;
        }
        assertEquals(404, status, "denied cell answered " + status + " " + snippet(response));
        assertTrue(audited(actor, before), "denied cell left no audit row");
    }

    private boolean audited(Actor actor, Instant since) {
        long until = System.currentTimeMillis() + 3_000;
        while (System.currentTimeMillis() < until) {
            for (String action : List.of("access.denied", "access.forbidden")) {
                for (AuditEntry e : audit.byAction(action, 50)) {
                    if (actor.user.equals(e.actorUsername()) && !e.at().isBefore(since.minusMillis(5))) {
                        return true;
                    }
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static String snippet(Response response) {
        String body = response.asString();
        return body.length() > 300 ? body.substring(0, 300) : body;
    }

    private static Response call(Fixture fixture, Entry entry, Actor actor, Map<String, String> params) {
        String path = fill(entry.path(), params);
        RequestSpecification request;
        if ((entry.page() && entry.form != null || entry.multipart) && actor != Actor.ANONYMOUS) {
            PageSession session = fixture.session(actor);
            if (entry.multipart) {
                request = session.multipart().multiPart("personId", params.get("personId"))
                        .multiPart("prerequisiteConfirmed", "true")
                        .multiPart(new MultiPartSpecBuilder("hello".getBytes(StandardCharsets.UTF_8))
                                .controlName("file").fileName("note.txt").mimeType("text/plain").build());
            } else {
                Map<String, String> fields = new HashMap<>();
                entry.form.forEach((k, v) -> fields.put(k, fill(v, params)));
                request = session.form(fields);
            }
        } else {
            request = actor == Actor.ANONYMOUS ? RestAssured.given() : Tokens.as(actor.user);
            request = request.redirects().follow(false);
            if (entry.json != null) {
                request = request.contentType(ContentType.JSON).body(fillBody(entry.json, params));
            } else if (entry.multipart) {
                request = request.multiPart("prerequisiteConfirmed", "true").multiPart(new MultiPartSpecBuilder(
                        "hello".getBytes(StandardCharsets.UTF_8)).controlName("file").fileName("note.txt")
                        .mimeType("text/plain").build());
            } else if (entry.form != null) {
                Map<String, String> fields = new HashMap<>();
                entry.form.forEach((k, v) -> fields.put(k, fill(v, params)));
                request = request.contentType("application/x-www-form-urlencoded").formParams(fields);
            }
        }
        if (actor != Actor.ANONYMOUS) {
            request = request.cookie("ferry_acting", params.get("acting"));
        }
        return request.request(entry.method(), path);
    }

    private static Map<String, Object> fillBody(Map<String, Object> body, Map<String, String> params) {
        Map<String, Object> filled = new HashMap<>();
        body.forEach((k, v) -> filled.put(k, v instanceof String s ? fill(s, params) : v));
        return filled;
    }

    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

    static String fill(String template, Map<String, String> params) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = params.get(m.group(1));
            if (value == null) {
                fail("no fixture value for {" + m.group(1) + "} in " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    /** The objects the cells act on, made through the API as participants make them. */
    static final class Fixture {
        static final String STUDY = "heart-rhythm-outcomes";
        final String wardName = "Matrix Ward " + UUID.randomUUID().toString().substring(0, 8);
        final String self;
        final String ward;
        final String portalId;
        final Map<String, String> connection = new HashMap<>();
        final Map<String, String> upload = new HashMap<>();
        final Map<String, String> enrolment = new HashMap<>();
        private String document;
        private final Map<Actor, PageSession> sessions = new HashMap<>();

        Fixture() {
            self = Tokens.as("alice").get("/api/v1/me").then().statusCode(200).extract()
                    .path("people.find { it.relationship == 'self' }.id");
            ward = newWard(wardName);
            portalId = Tokens.as("alice").queryParam("by", "organization").queryParam("q", "Sandbox General Hospital")
                    .get("/api/v1/portals").then().statusCode(200).extract()
                    .path("items.find { it.name == 'Sandbox General Hospital' }.id");
            for (String person : List.of(self, ward)) {
                enrolment.put(person, enrol(person));
                connection.put(person, Tokens.as("alice").contentType(ContentType.JSON).body(Map.of("portalId",
                        portalId, "username", "demo", "password", "demo"))
                        .post("/api/v1/people/" + person + "/connections").then().statusCode(201).extract()
                        .path("id"));
                upload.put(person, PageSession.open("alice", "/supporting-documents").multipart()
                        .multiPart("prerequisiteConfirmed", "true").multiPart(new MultiPartSpecBuilder(
                                ("note " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)).controlName("file")
                                .fileName("n.txt")
                                .mimeType("text/plain").build())
                        .multiPart(new MultiPartSpecBuilder(png()).controlName("file").fileName("scan.png")
                                .mimeType("image/png").build())
                        .post("/api/v1/studies/" + STUDY + "/people/" + person + "/supporting-documents").then()
                        .statusCode(202).extract().path("id"));
            }
        }

        /** The reviewable document: the PNG of the owner's upload, once the upload is processed. */
        String document() {
            long until = System.currentTimeMillis() + 60_000;
            while (document == null && System.currentTimeMillis() < until) {
                document = Tokens.as("alice").get("/api/v1/uploads/" + upload.get(self)).then().statusCode(200)
                        .extract().path("documents.find { it.mediaType == 'image/png' }.id");
                if (document == null) {
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            assertTrue(document != null, "the matrix upload was never processed");
            return document;
        }

        private static byte[] png() {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(2, 2,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try {
                javax.imageio.ImageIO.write(image, "png", out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        private static String newWard(String name) {
            return Tokens.as("alice").contentType(ContentType.JSON).body(Map.of("displayName", name, "birthDate",
                    "2012-06-01", "relationship", "child", "authorityAttested", true)).post("/api/v1/people").then()
                    .statusCode(201).extract().path("id");
        }

        private static String enrol(String person) {
            Response existing = Tokens.as("alice").get("/api/v1/people/" + person + "/enrollments");
            String active = existing.path("items.find { it.studyId == '" + STUDY + "' && it.status == 'active' }.id");
            if (active != null) {
                return active;
            }
            return Tokens.as("alice").contentType(ContentType.JSON).body(Map.of("personId", person,
                    "consentVersion", "2026-03")).post("/api/v1/studies/" + STUDY + "/enrollments").then()
                    .statusCode(201).extract().path("id");
        }

        PageSession session(Actor actor) {
            return sessions.computeIfAbsent(actor, a -> PageSession.open(a.user, switch (a) {
                case STUDY_COORDINATOR, OTHER_COORDINATOR -> "/coordinator";
                case ADMIN -> "/admin/directory";
                default -> "/account";
            }));
        }

        /** Path, form and cookie values for one cell; an allowed destructive cell gets a fresh ward of its own. */
        /** A fresh open portal set-up problem (an admin's resolving it spends it); its id. */
        String setupProblem() {
            var problems = io.quarkus.arc.Arc.container().instance(health.ferry.directory.PortalSetupProblems.class)
                    .get();
            String code = "matrix_" + UUID.randomUUID().toString().substring(0, 8);
            problems.record(UUID.fromString(portalId), code, "a matrix test's problem");
            return problems.open().stream().filter(p -> p.errorCode().equals(code)).findFirst().orElseThrow().id()
                    .toString();
        }

        Map<String, String> params(Actor actor, Entry entry, boolean allowed) {
            String person = actor == Actor.OWNER ? self : ward;
            Map<String, String> params = new HashMap<>();
            if (allowed && entry.destructive() && actor == Actor.GUARDIAN) {
                person = newWard("Matrix Disposable");
                String fresh = person;
                enrolment.computeIfAbsent(fresh, Fixture::enrol);
                connection.computeIfAbsent(fresh, p -> Tokens.as("alice").contentType(ContentType.JSON)
                        .body(Map.of("portalId", portalId, "username", "demo", "password", "demo"))
                        .post("/api/v1/people/" + p + "/connections").then().statusCode(201).extract().path("id"));
            }
            params.put("personId", person);
            params.put("acting", person);
            params.put("studyId", STUDY);
            params.put("portalId", portalId);
            params.put("id", entry.path().startsWith("/notices") ? UUID.randomUUID().toString()
                    : connection.get(person));
            params.put("uploadId", upload.getOrDefault(person, upload.get(ward)));
            params.put("enrollmentId", enrolment.get(person));
            params.put("page", "1");
            params.put("chart", "funnel");
            params.put("bar", "enrolled");
            if (entry.key.contains("{documentId}") || entry.form != null && entry.form.containsValue("{documentId}")) {
                params.put("documentId", document());
            }
            if (entry.key.contains("{problemId}")) {
                params.put("problemId", setupProblem());
            }
            params.put("resultId", UUID.randomUUID().toString());
            params.put("brand", "matrix-brand");
            params.put("kid", "matrix-no-such-key");
            if (entry.key.contains("/coordinator/uploads/{uploadId}")) {
                document(); // a coordinator sees an upload once it is ready for review: wait for its processing
            }
            if (entry.form != null && entry.form.containsValue("{pseudonym}")) {
                document();
                params.put("pseudonym", Tokens.as("casey").get("/api/v1/coordinator/uploads/" + upload.get(self))
                        .then().statusCode(200).extract().path("participant.pseudonym"));
            }
            return params;
        }
    }

    /** Every "METHOD /path" the application serves, from the JAX-RS annotations of its compiled classes. */
    static Set<String> routes() throws IOException {
        java.nio.file.Path classes = java.nio.file.Path.of("target", "classes");
        Set<String> routes = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("health/ferry"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (NOT_FERRY.stream().anyMatch(name::startsWith) || name.contains("$")) {
                    continue;
                }
                Class<?> type;
                try {
                    type = Class.forName(name, false, AuditTrail.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                Path base = type.getAnnotation(Path.class);
                if (base == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String verb = method.isAnnotationPresent(GET.class) ? "GET"
                            : method.isAnnotationPresent(POST.class) ? "POST"
                            : method.isAnnotationPresent(PUT.class) ? "PUT"
                            : method.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
                    if (verb == null) {
                        continue;
                    }
                    Path sub = method.getAnnotation(Path.class);
                    String path = ("/" + base.value() + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/");
                    if (path.length() > 1 && path.endsWith("/")) {
                        path = path.substring(0, path.length() - 1);
                    }
                    routes.add(verb + " " + path);
                }
            }
        }
        return routes;
    }
}
