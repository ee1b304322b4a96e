package health.ferry.sync;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import health.ferry.connections.PortalAccess;
import health.ferry.connections.spi.PortalUnavailable;
import health.ferry.jobs.DatabaseOutage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import health.ferry.records.FhirJson;
import health.ferry.records.RecordSettings;
import health.ferry.records.RecordSource;
import health.ferry.records.RecordStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.jboss.logging.Logger;

/**
 * One sync of one connection: pages through each resource type's searchset for the patient (only what changed
 * since the last successful run where the portal supports {@code _lastUpdated}), stores what the person's
 * settings allow (idempotently), records the run and announces it. A 401 reopens the session once; then access
 * ended. Portal requests go through the portal's fault-tolerance guard.
 */
@ApplicationScoped
public class ConnectionSync {
    @Inject
    SyncConfig config;
    static final List<String> TYPES = List.of("Condition", "AllergyIntolerance", "MedicationRequest",
            "MedicationStatement", "Immunization", "Observation", "Procedure", "Encounter", "DiagnosticReport",
            "DocumentReference", "CarePlan", "Goal", "ImagingStudy", "Coverage", "ExplanationOfBenefit");
    /**
     * What a FHIR server answers to a search it does not offer or this app was not granted (Epic: 403 for a type
     * outside the scopes; others 400, 404, 405 or 501): the type is skipped, the rest of the record still comes.
     */
    static final Set<Integer> TYPE_REFUSED = Set.of(400, 403, 404, 405, 410, 501);
    /** How often one run goes on after the database came back, before it gives up. */
    static final int OUTAGE_RESUMES = 3;
    private static final Logger LOG = Logger.getLogger(ConnectionSync.class);

    @Inject
    PortalAccess access;
    @Inject
    RecordStore store;
    @Inject
    SyncHistory history;
    @Inject
    RecordSettings settings;
    @Inject
    FhirContext fhir;
    @Inject
    PortalGuards guards;
    @Inject
    PortalRateLimits rateLimits;
    @Inject
    DatabaseOutage outage;
    @Inject
    health.ferry.outbound.OutboundPolicy outbound;
    @Inject
    DocumentAttachments attachments;
    @ConfigProperty(name = "ferry.connections.portal-http-version", defaultValue = "HTTP_1_1")
    HttpClient.Version httpVersion;
    /** One HTTP client for every sync (thread-safe; it pools connections per portal). */
    private HttpClient http;

    @PostConstruct
    void client() {
        http = FhirPages.client(config.timeout(), httpVersion);
    }

    /** How a run ended: no code when it succeeded; {@code retryAfter} when the portal asked for a pause. */
    record Result(SyncFailure failure, Duration retryAfter) {
        static final Result OK = new Result(null, null);

        Result(SyncFailure failure) {
            this(failure, null);
        }

        boolean failed() {
            return failure != null;
        }

        /** The stored code, null when the run succeeded. */
        String failureCode() {
            return failure == null ? null : failure.code();
        }
    }

    /** New and updated records of one run. */
    static final class Counts {
        int added;
        int updated;
        /** The DocumentReferences stored (the person imports documents): their attachments are fetched after. */
        final List<JsonNode> documents = new ArrayList<>();
    }

    /** Runs one sync now ("sync now"), on the calling thread, for a run already started. */
    Result run(UUID connectionId, UUID runId) {
        return run(connectionId, runId, false, () -> true);
    }

    /**
     * Runs one sync on the calling thread for a run already started. {@code stillHeld} is asked after each page
     * (a scheduled job renews its lease there); once it answers false the run stops without writing more. When the
     * database drops under the run, it waits for it (up to {@code ferry.sync.outage-wait}) and goes through the
     * chart again on the same run (storing is idempotent; what it counted stays counted), so a "sync now" or a
     * scheduled job the outage cut finishes soon after the database returns rather than looking busy until its
     * lease or staleness runs out. Answers {@link SyncFailure#DATABASE_UNAVAILABLE}, having written nothing, when
     * it stayed away.
     */
    Result run(UUID connectionId, UUID runId, boolean scheduled, BooleanSupplier stillHeld) {
        Counts counts = new Counts();
        for (int resumes = 0;; resumes++) {
            try {
                return attempt(connectionId, runId, scheduled, stillHeld, counts);
            } catch (RuntimeException e) {
                if (!DatabaseOutage.unavailable(e)) {
                    throw e;
                }
                outage.failed("sync", e);
                if (resumes >= OUTAGE_RESUMES || !outage.awaitReachable("sync", config.outageWait())) {
                    LOG.infof("sync %s of connection %s left unfinished: the database stayed unavailable", runId,
                            connectionId);
                    return new Result(SyncFailure.DATABASE_UNAVAILABLE);
                }
                LOG.infof("sync %s of connection %s goes on: the database is back", runId, connectionId);
            }
        }
    }

    private Result attempt(UUID connectionId, UUID runId, boolean scheduled, BooleanSupplier stillHeld,
            Counts counts) {
        Optional<PortalAccess.Subject> subject = access.subject(connectionId);
        Result result;
        try {
            PortalAccess.Session session = open(connectionId);
            Optional<Instant> since = since(connectionId, session.personId());
            FhirPages pages = new FhirPages(http, config.timeout(), config.maxPageBytes(),
                    guards.of(session.fhirBase()), outbound, rateLimits.of(session.fhirBase()));
            IParser parser = parser();
            Set<String> incremental = since.isPresent() ? lastUpdatedSupported(session, pages, parser) : Set.of();
            Instant bound = since.map(s -> s.minus(config.incrementalOverlap()).truncatedTo(ChronoUnit.SECONDS))
                    .orElse(null);
            if (!incremental.isEmpty()) {
                history.incremental(runId, bound);
            }
            for (String type : TYPES) {
                session = readType(session, type, incremental.contains(type) ? bound : null, pages, counts,
                        stillHeld, runId);
            }
            readPatient(session, pages, counts);
            attachments.fetch(session, pages, runId, counts.documents);
            result = Result.OK;
        } catch (SyncStopped f) {
            if (f.failure() == SyncFailure.LEASE_LOST) {
                LOG.infof("sync %s of connection %s stopped: its job was taken over or the instance is stopping",
                        runId, connectionId);
                return new Result(SyncFailure.LEASE_LOST);
            }
            if (f.failure() == SyncFailure.RECONNECT_REQUIRED) {
                access.accessEnded(connectionId);
            }
            result = new Result(f.failure(), f.retryAfter());
        } catch (RuntimeException e) {
            if (DatabaseOutage.unavailable(e)) {
                throw e;
            }
            LOG.errorf("sync %s of connection %s: %s", runId, connectionId, e.getClass().getName());
            result = new Result(SyncFailure.INTERNAL_ERROR);
        }
        return end(subject, runId, scheduled, result, counts);
    }

    /**
     * Where an incremental read starts: the last successful run's start, unless the person switched a category
     * back on since then (then everything is read again, or that category's older records would never arrive).
     */
    private Optional<Instant> since(UUID connectionId, UUID personId) {
        Optional<Instant> enabledAt = settings.categoriesEnabledAt(personId);
        return history.lastSuccessStart(connectionId)
                .filter(start -> enabledAt.map(at -> at.isBefore(start)).orElse(true));
    }

    /** Records how the run ended and announces it (same transaction). */
    private Result end(Optional<PortalAccess.Subject> subject, UUID runId, boolean scheduled, Result result,
            Counts counts) {
        SyncFinished announcement = subject.map(s -> new SyncFinished(s.connectionId(), s.personId(),
                s.portalName(), runId, scheduled, result.failed() ? SyncRun.FAILED
                        : counts.added > 0 ? SyncRun.NEW_RECORDS : SyncRun.NO_NEW_RECORDS,
                result.failureCode(), counts.added, counts.updated)).orElse(null);
        history.finish(runId, result.failureCode(), counts.added, counts.updated, announcement);
        LOG.infof("sync %s of connection %s: %s, %d new, %d updated", runId, subject.map(s -> s.connectionId())
                .orElse(null), result.failed() ? result.failureCode() : "ok", counts.added, counts.updated);
        return result;
    }

    /** The types whose search the portal's CapabilityStatement says takes {@code _lastUpdated}; none if unknown. */
    private Set<String> lastUpdatedSupported(PortalAccess.Session session, FhirPages pages, IParser parser) {
        Set<String> types = new HashSet<>();
        try {
            FhirPages.Page answer = pages.get(session, URI.create(session.fhirBase() + "/metadata"));
            if (answer.status() != 200) {
                return types;
            }
            CapabilityStatement cs = parser.parseResource(CapabilityStatement.class,
                    new ByteArrayInputStream(answer.body()));
            cs.getRest().forEach(rest -> rest.getResource().forEach(r -> {
                if (r.getSearchParam().stream().anyMatch(p -> "_lastUpdated".equals(p.getName()))) {
                    types.add(r.getType());
                }
            }));
        } catch (DataFormatException | ClassCastException e) {
            return Set.of();
        }
        return types;
    }

    static URI searchUrl(URI base, String type, String patientId, int pageSize, Instant changedAfter) {
        return URI.create(base + "/" + type + "?patient=" + URLEncoder.encode(patientId, StandardCharsets.UTF_8)
                + "&_count=" + pageSize + (changedAfter == null ? ""
                        : "&_lastUpdated=" + URLEncoder.encode("gt" + changedAfter, StandardCharsets.UTF_8)));
    }

    /**
     * The connection's session; a token endpoint that cannot be reached is portal_unavailable (tried again later, the
     * participant not blamed), not an end of access.
     */
    private PortalAccess.Session open(UUID connectionId) {
        try {
            return access.open(connectionId).orElseThrow(() -> new SyncStopped(SyncFailure.RECONNECT_REQUIRED));
        } catch (PortalUnavailable e) {
            throw new SyncStopped(SyncFailure.PORTAL_UNAVAILABLE, e.retryAfter());
        }
    }

    /** A new session after a 401 (refreshed token, or a new sign-in with the stored credentials). */
    private PortalAccess.Session reopen(UUID connectionId) {
        try {
            return access.reopen(connectionId).orElseThrow(() -> new SyncStopped(SyncFailure.RECONNECT_REQUIRED));
        } catch (PortalUnavailable e) {
            throw new SyncStopped(SyncFailure.PORTAL_UNAVAILABLE);
        }
    }

    private PortalAccess.Session readType(PortalAccess.Session first, String type, Instant changedAfter,
            FhirPages pages, Counts counts, BooleanSupplier stillHeld, UUID runId) {
        PortalAccess.Session session = first;
        URI url = searchUrl(session.fhirBase(), type, session.patientId(), config.pageSize(), changedAfter);
        for (int page = 0; url != null && page < config.maxPagesPerType(); page++) {
            FhirPages.Page answer = pages.get(session, url);
            if (answer.status() == 401) {
                session = reopen(session.connectionId());
                answer = pages.get(session, url);
                if (answer.status() == 401) {
                    throw new SyncStopped(SyncFailure.RECONNECT_REQUIRED);
                }
            }
            if (page == 0 && TYPE_REFUSED.contains(answer.status())) {
                LOG.debugf("sync %s: the portal refused %s searches (%d); skipped", runId, type, answer.status());
                return session;
            }
            if (answer.status() != 200) {
                throw new SyncStopped(SyncFailure.PORTAL_UNAVAILABLE);
            }
            JsonNode bundle = bundle(answer.body());
            if (!stillHeld.getAsBoolean()) {
                throw new SyncStopped(SyncFailure.LEASE_LOST);
            }
            int before = counts.added + counts.updated;
            store(session, bundle, counts);
            if (counts.added + counts.updated != before) {
                history.progress(runId, counts.added, counts.updated); // the connection page shows "N so far"
            }
            url = next(session.fhirBase(), bundle).orElse(null);
        }
        return session;
    }

    /**
     * The granted Patient ({@code {base}/Patient/{id}}), stored as a record of its own (category demographics: a study
     * receives it only when it requests that category and the person shares it). A portal that does not let Ferry
     * read it (401, 403, 404, …) costs nothing else; one that is down is portal_unavailable like any read.
     */
    private void readPatient(PortalAccess.Session session, FhirPages pages, Counts counts) {
        URI url = URI.create(session.fhirBase() + "/Patient/" + URLEncoder.encode(session.patientId(),
                StandardCharsets.UTF_8));
        FhirPages.Page answer = pages.get(session, url);
        if (answer.status() != 200) {
            LOG.debugf("sync of connection %s: the portal answered %d for the Patient; skipped",
                    session.connectionId(), answer.status());
            return;
        }
        try {
            JsonNode patient = FhirJson.read(answer.body());
            if (patient != null && "Patient".equals(patient.path("resourceType").asText())) {
                ObjectNode entry = JsonNodeFactory.instance.objectNode();
                entry.putArray("entry").addObject().set("resource", patient);
                store(session, entry, counts);
            }
        } catch (IOException e) {
            LOG.debugf("sync of connection %s: the Patient was not JSON; skipped", session.connectionId());
        }
    }

    /** The lenient JSON parser a sync reads pages with. */
    IParser parser() {
        return fhir.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false)
                .setErrorOnInvalidValue(false).setErrorOnInvalidExtension(false));
    }

    /**
     * A page read once with Jackson (no HAPI model: its resources are stored as JSON, so HAPI's parse and a
     * re-encode per entry would be wasted); anything but a JSON Bundle is an invalid response.
     */
    static JsonNode bundle(byte[] body) {
        try {
            JsonNode bundle = FhirJson.read(body);
            if (bundle == null || !"Bundle".equals(bundle.path("resourceType").asText())) {
                throw new SyncStopped(SyncFailure.INVALID_RESPONSE);
            }
            return bundle;
        } catch (IOException e) {
            throw new SyncStopped(SyncFailure.INVALID_RESPONSE);
        }
    }

    /**
     * Stores one bundle's resources for the session's person in one batch (also the FHIR import benchmark's way
     * in): entries without a resource, without a usable type or id ({@link RecordStore#keyable}: a portal's one
     * malformed resource does not cost the page), and {@code _include}d ones are skipped.
     */
    void store(PortalAccess.Session session, JsonNode bundle, Counts counts) {
        List<JsonNode> resources = new ArrayList<>();
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode resource = entry.path("resource");
            if (!resource.isObject() || !RecordStore.keyable(resource)
                    || "include".equals(entry.path("search").path("mode").asText())) {
                continue;
            }
            resources.add(resource);
        }
        if (resources.isEmpty()) {
            return;
        }
        List<Optional<RecordStore.Upsert>> stored = store.importAllJsonIfAllowed(session.personId(),
                RecordSource.connection(session.connectionId()), resources);
        for (int i = 0; i < stored.size(); i++) {
            if (stored.get(i).isPresent() && "DocumentReference".equals(resources.get(i).path("resourceType")
                    .asText())) {
                counts.documents.add(resources.get(i));
            }
        }
        for (Optional<RecordStore.Upsert> done : stored) {
            done.ifPresent(u -> {
                if (u == RecordStore.Upsert.NEW) {
                    counts.added++;
                } else if (u == RecordStore.Upsert.UPDATED) {
                    counts.updated++;
                }
            });
        }
    }

    /** The bundle's next link, only when it stays on the FHIR base's origin (else paging stops). */
    static Optional<URI> next(URI base, JsonNode bundle) {
        for (JsonNode link : bundle.path("link")) {
            if (Bundle.LINK_NEXT.equals(link.path("relation").asText()) && link.path("url").isTextual()) {
                try {
                    URI url = URI.create(link.path("url").asText());
                    return FhirPages.sameOrigin(base, url) ? Optional.of(url) : Optional.empty();
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
