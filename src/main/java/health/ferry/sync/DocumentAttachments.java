package health.ferry.sync;

import com.fasterxml.jackson.databind.JsonNode;
import health.ferry.connections.PortalAccess;
import health.ferry.jobs.DatabaseOutage;
import health.ferry.records.FhirJson;
import health.ferry.records.PortalDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The attachments of the DocumentReferences a sync stored (issue 23, item 6): each one's Binary ({@code
 * attachment.url}, relative to the FHIR base or absolute on its origin) is fetched through the run's portal client,
 * guard, rate limit and address rules, or its inline {@code attachment.data} decoded; each within a size cap, all of a
 * run within a total. What was fetched goes to {@link PortalDocuments} (uploads: reviewed as any uploaded document);
 * every attachment's outcome is recorded ({@link SyncAttachment}), and none of them fails the sync. Only for a person
 * some study takes portal documents from, and never twice for the same version of a DocumentReference.
 */
@ApplicationScoped
class DocumentAttachments {
    private static final Logger LOG = Logger.getLogger(DocumentAttachments.class);
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(Map.entry("application/pdf", ".pdf"),
            Map.entry("text/plain", ".txt"), Map.entry("text/html", ".html"), Map.entry("text/rtf", ".rtf"),
            Map.entry("application/rtf", ".rtf"), Map.entry("application/xml", ".xml"), Map.entry("text/xml", ".xml"),
            Map.entry("image/jpeg", ".jpg"), Map.entry("image/png", ".png"), Map.entry("image/tiff", ".tif"));
    private static final int MAX_NAME = 120;

    /** One attachment of one DocumentReference, as met in a run. */
    record Found(String documentId, String version, int position, String title, JsonNode attachment) {
    }

    /** What came of fetching one: an outcome code, and the document when fetched. */
    private record Fetched(String outcome, PortalDocuments.Document document, long size) {
        static Fetched not(String outcome) {
            return new Fetched(outcome, null, -1);
        }
    }

    @Inject
    PortalDocuments documents;
    @Inject
    SyncAttachments log;
    @Inject
    SyncConfig config;

    /** The attachments of a DocumentReference (none for another resource). */
    static List<Found> of(JsonNode resource) {
        List<Found> found = new ArrayList<>();
        if (!"DocumentReference".equals(resource.path("resourceType").asText())) {
            return found;
        }
        String id = resource.path("id").asText();
        JsonNode meta = resource.path("meta");
        String version = clip(meta.path("versionId").asText(meta.path("lastUpdated").asText("-")), 64);
        String fallback = resource.path("description").asText(resource.path("type").path("text").asText("Document"));
        int position = 0;
        for (JsonNode content : resource.path("content")) {
            JsonNode a = content.path("attachment");
            if (a.isObject() && (a.path("url").isTextual() || a.path("data").isTextual())) {
                found.add(new Found(id, version, position, clip(a.path("title").asText(fallback), 300), a));
            }
            position++;
        }
        return found;
    }

    /**
     * Fetches the attachments of these DocumentReferences (stored by this run) for the session's person and hands
     * what came to {@link PortalDocuments}; answers how many were fetched. Problems are recorded, never thrown, but
     * for the database being away.
     */
    int fetch(PortalAccess.Session session, FhirPages pages, java.util.UUID runId, List<JsonNode> references) {
        try {
            return fetchAll(session, pages, runId, references);
        } catch (RuntimeException e) {
            if (DatabaseOutage.unavailable(e)) {
                throw e; // the run waits for the database and goes through the chart again
            }
            LOG.errorf("sync %s of connection %s: attachments left for the next run (%s)", runId,
                    session.connectionId(), e.getClass().getName());
            return 0;
        }
    }

    private int fetchAll(PortalAccess.Session session, FhirPages pages, java.util.UUID runId,
            List<JsonNode> references) {
        Map<String, Found> found = new LinkedHashMap<>();
        references.forEach(r -> of(r).forEach(f -> found.putIfAbsent(f.documentId() + "|" + f.version() + "|"
                + f.position(), f)));
        if (found.isEmpty() || !documents.wanted(session.personId())) {
            return 0;
        }
        List<PortalDocuments.Document> fetched = new ArrayList<>();
        Map<Found, Fetched> outcomes = new LinkedHashMap<>();
        long total = 0;
        try {
            for (Found f : found.values()) {
                if (log.fetchedBefore(session.connectionId(), f)) {
                    continue;
                }
                Fetched one = total >= config.attachments().maxTotalBytes() ? Fetched.not(SyncAttachment.OVER_TOTAL) : fetchOne(session,
                        pages, f);
                if (one.document() != null && total + one.size() > config.attachments().maxTotalBytes()) {
                    delete(one.document());
                    one = Fetched.not(SyncAttachment.OVER_TOTAL);
                }
                if (one.document() != null) {
                    total += one.size();
                    fetched.add(one.document());
                }
                outcomes.put(f, one);
            }
            if (!fetched.isEmpty()) {
                documents.receive(session.personId(), session.connectionId(), fetched);
            }
            // Recorded once kept: attachments a failed hand-over left behind are fetched again by the next run.
            outcomes.forEach((f, one) -> log.record(session.connectionId(), runId, f, one.outcome(),
                    one.size() < 0 ? null : one.size()));
        } finally {
            fetched.forEach(DocumentAttachments::delete);
        }
        LOG.infof("sync %s of connection %s: %d of %d attachments fetched", runId, session.connectionId(),
                fetched.size(), found.size());
        return fetched.size();
    }

    private Fetched fetchOne(PortalAccess.Session session, FhirPages pages, Found f) {
        JsonNode a = f.attachment();
        String declared = type(a.path("contentType").asText(""));
        if (a.path("size").canConvertToLong() && a.path("size").asLong() > config.attachments().maxBytes()) {
            return Fetched.not(SyncAttachment.TOO_LARGE);
        }
        if (a.path("data").isTextual()) {
            byte[] bytes;
            try {
                bytes = Base64.getMimeDecoder().decode(a.path("data").asText());
            } catch (IllegalArgumentException e) {
                return Fetched.not(SyncAttachment.WRONG_TYPE);
            }
            return kept(f, declared, declared, bytes);
        }
        URI url = url(session.fhirBase(), a.path("url").asText());
        if (url == null || !FhirPages.sameOrigin(session.fhirBase(), url)) {
            return Fetched.not(SyncAttachment.NOT_ON_PORTAL); // the token goes to the FHIR server's origin only
        }
        try {
            FhirPages.Download d = pages.download(session, url, declared.isEmpty() ? "application/fhir+json"
                    : declared, config.attachments().maxBytes());
            if (d.status() == 404 || d.status() == 410) {
                return Fetched.not(SyncAttachment.NOT_FOUND);
            }
            if (d.status() != 200) {
                return Fetched.not(SyncAttachment.UNAVAILABLE);
            }
            if (d.tooLarge()) {
                return Fetched.not(SyncAttachment.TOO_LARGE);
            }
            return served(f, declared, type(d.contentType()), d.body());
        } catch (SyncStopped e) {
            return Fetched.not(e.failure() == SyncFailure.PORTAL_NOT_SUPPORTED ? SyncAttachment.NOT_ON_PORTAL
                    : SyncAttachment.UNAVAILABLE);
        }
    }

    /** The bytes as served, or those of a FHIR Binary resource when the portal answered one. */
    private Fetched served(Found f, String declared, String servedType, byte[] body) {
        if (!servedType.contains("json")) {
            return kept(f, declared, servedType, body);
        }
        try {
            JsonNode binary = FhirJson.read(body);
            if (binary == null || !"Binary".equals(binary.path("resourceType").asText())
                    || !binary.path("data").isTextual()) {
                return Fetched.not(SyncAttachment.WRONG_TYPE);
            }
            return kept(f, declared, type(binary.path("contentType").asText("")),
                    Base64.getMimeDecoder().decode(binary.path("data").asText()));
        } catch (IOException | IllegalArgumentException e) {
            return Fetched.not(SyncAttachment.WRONG_TYPE);
        }
    }

    /** Kept when within the cap and of an accepted type that is the one declared (when one was). */
    private Fetched kept(Found f, String declared, String actual, byte[] bytes) {
        if (bytes.length > config.attachments().maxBytes()) {
            return Fetched.not(SyncAttachment.TOO_LARGE);
        }
        if (!config.attachments().types().contains(actual) || (!declared.isEmpty() && !declared.equals(actual))) {
            return Fetched.not(SyncAttachment.WRONG_TYPE);
        }
        try {
            Path file = Files.createTempFile("ferry-attachment-", EXTENSIONS.getOrDefault(actual, ".bin"));
            Files.write(file, bytes);
            return new Fetched(SyncAttachment.FETCHED, new PortalDocuments.Document(name(f.title(), actual), actual,
                    file, bytes.length), bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The attachment's title as a file name people can read, with the extension of its type. */
    static String name(String title, String type) {
        String plain = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFC)
                .replaceAll("[\\p{Cntrl}/\\\\:*?\"<>|]+", " ").trim();
        String base = plain.isEmpty() ? "Document" : clip(plain, MAX_NAME);
        String ext = EXTENSIONS.getOrDefault(type, "");
        return base.toLowerCase(Locale.ROOT).endsWith(ext) ? base : base + ext;
    }

    /** An attachment's URL: absolute, or relative to the FHIR base ({@code Binary/123}); null when unreadable. */
    static URI url(URI base, String url) {
        try {
            URI u = URI.create(url.trim());
            return u.isAbsolute() ? u : URI.create(base.toString().replaceAll("/+$", "") + "/"
                    + url.trim().replaceAll("^/+", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A content type without its parameters, lower case. */
    static String type(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static void delete(PortalDocuments.Document d) {
        try {
            Files.deleteIfExists(d.path());
        } catch (IOException e) {
            LOG.debugf("could not delete a fetched attachment's temporary file (%s)", e.getClass().getName());
        }
    }
}
