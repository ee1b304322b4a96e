package health.ferry.sync;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import health.ferry.connections.PortalAccess;
import health.ferry.records.RecordSource;
import health.ferry.records.RecordStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.jboss.logging.Logger;

/**
 * One sync of one connection: pages through each resource type's searchset for the patient, stores what the
 * person's settings allow (idempotently), and records the run. A 401 reopens the session once; then access ended.
 */
@ApplicationScoped
public class ConnectionSync {
    static final List<String> TYPES = List.of("Condition", "AllergyIntolerance", "MedicationRequest",
            "MedicationStatement", "Immunization", "Observation", "Procedure", "Encounter", "DiagnosticReport",
            "DocumentReference", "CarePlan");
    private static final Logger LOG = Logger.getLogger(ConnectionSync.class);

    @Inject
    PortalAccess access;
    @Inject
    RecordStore store;
    @Inject
    SyncHistory history;
    @Inject
    FhirContext fhir;
    @ConfigProperty(name = "ferry.sync.max-pages-per-type", defaultValue = "200")
    int maxPages;
    @ConfigProperty(name = "ferry.sync.max-page-bytes", defaultValue = "8388608")
    int maxPageBytes;
    @ConfigProperty(name = "ferry.sync.page-size", defaultValue = "100")
    int pageSize;
    @ConfigProperty(name = "ferry.sync.timeout", defaultValue = "PT30S")
    Duration timeout;

    /** New and updated records of one run. */
    static final class Counts {
        int added;
        int updated;
    }

    /** Runs one sync now, on the calling thread, for a run already started with {@link SyncHistory#start}. */
    void run(UUID connectionId, UUID runId) {
        Counts counts = new Counts();
        try {
            PortalAccess.Session session = access.open(connectionId)
                    .orElseThrow(() -> new SyncFailure("reconnect_required"));
            FhirPages pages = new FhirPages(timeout, maxPageBytes);
            IParser parser = parser();
            for (String type : TYPES) {
                session = readType(session, type, pages, parser, counts);
            }
            history.succeed(runId, counts.added, counts.updated);
            LOG.infof("sync %s of connection %s: %d new, %d updated", runId, connectionId, counts.added,
                    counts.updated);
        } catch (SyncFailure f) {
            if ("reconnect_required".equals(f.code())) {
                access.accessEnded(connectionId);
            }
            history.fail(runId, f.code(), counts.added, counts.updated);
            LOG.infof("sync %s of connection %s failed: %s", runId, connectionId, f.code());
        } catch (RuntimeException e) {
            history.fail(runId, "internal_error", counts.added, counts.updated);
            LOG.errorf("sync %s of connection %s failed: %s", runId, connectionId, e.getClass().getName());
        }
    }

    private PortalAccess.Session readType(PortalAccess.Session first, String type, FhirPages pages, IParser parser,
            Counts counts) {
        PortalAccess.Session session = first;
        URI url = URI.create(session.fhirBase() + "/" + type + "?patient="
                + URLEncoder.encode(session.patientId(), StandardCharsets.UTF_8) + "&_count=" + pageSize);
        for (int page = 0; url != null && page < maxPages; page++) {
            FhirPages.Page answer = pages.get(session, url);
            if (answer.status() == 401) {
                session = access.reopen(session.connectionId())
                        .orElseThrow(() -> new SyncFailure("reconnect_required"));
                answer = pages.get(session, url);
                if (answer.status() == 401) {
                    throw new SyncFailure("reconnect_required");
                }
            }
            if (answer.status() == 404 && page == 0) {
                return session;
            }
            if (answer.status() != 200) {
                throw new SyncFailure("portal_unavailable");
            }
            Bundle bundle;
            try {
                bundle = parser.parseResource(Bundle.class, new ByteArrayInputStream(answer.body()));
            } catch (DataFormatException | ClassCastException e) {
                throw new SyncFailure("invalid_response");
            }
            store(session, bundle, counts);
            url = next(session.fhirBase(), bundle).orElse(null);
        }
        return session;
    }

    /** The lenient JSON parser a sync reads pages with. */
    IParser parser() {
        return fhir.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false)
                .setErrorOnInvalidValue(false).setErrorOnInvalidExtension(false));
    }

    /** Stores one parsed bundle's resources for the session's person (also the FHIR import benchmark's way in). */
    void store(PortalAccess.Session session, Bundle bundle, Counts counts) {
        List<Resource> resources = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (!entry.hasResource() || !entry.getResource().hasIdElement()
                    || (entry.hasSearch() && entry.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE)) {
                continue;
            }
            resources.add(entry.getResource());
        }
        for (Optional<RecordStore.Upsert> done : store.importAllIfAllowed(session.personId(),
                RecordSource.connection(session.connectionId()), resources)) {
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
    static Optional<URI> next(URI base, Bundle bundle) {
        Bundle.BundleLinkComponent link = bundle.getLink(Bundle.LINK_NEXT);
        if (link == null || !link.hasUrl()) {
            return Optional.empty();
        }
        try {
            URI url = URI.create(link.getUrl());
            return FhirPages.sameOrigin(base, url) ? Optional.of(url) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
