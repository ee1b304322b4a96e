package health.ferry.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The entries of one bundle by the ways they refer to each other ({@code fullUrl}, {@code Type/id}, absolute
 * URLs ending in {@code Type/id}), and the stable key each is found again by on the next import.
 */
final class BundleLinks {
    private static final int MAX_KEY = 500;
    private final List<BundleReader.Entry> entries;
    private final Map<String, BundleReader.Entry> byReference = new HashMap<>();

    BundleLinks(List<BundleReader.Entry> entries) {
        this.entries = entries;
        for (BundleReader.Entry e : entries) {
            String typeAndId = e.resource().fhirType() + "/" + e.resource().getIdElement().getIdPart();
            byReference.putIfAbsent(typeAndId, e);
            if (e.fullUrl() != null) {
                byReference.putIfAbsent(e.fullUrl(), e);
            }
        }
    }

    List<BundleReader.Entry> entries() {
        return entries;
    }

    /** The entry a reference points at, or null (contained, external or missing). */
    BundleReader.Entry resolve(Reference reference) {
        if (reference == null || reference.getReference() == null) {
            return null;
        }
        String ref = reference.getReference().strip();
        BundleReader.Entry found = byReference.get(ref);
        if (found == null) {
            String[] parts = ref.split("/");
            if (parts.length >= 2) {
                found = byReference.get(parts[parts.length - 2] + "/" + parts[parts.length - 1]);
            }
        }
        return found;
    }

    Organization organization(Reference reference) {
        BundleReader.Entry e = resolve(reference);
        return e != null && e.resource() instanceof Organization o ? o : null;
    }

    /**
     * The key a resource is found again by: its first identifier (system|value), else its fullUrl, else
     * {@code Type/id}; null when it has none of them. Keys longer than the column allows are hashed.
     */
    static String keyOf(BundleReader.Entry entry) {
        Resource r = entry.resource();
        List<Identifier> identifiers = r instanceof Organization o ? o.getIdentifier()
                : r instanceof Endpoint ep ? ep.getIdentifier() : List.of();
        String key = identifiers.stream().filter(Identifier::hasValue).findFirst()
                .map(i -> (i.hasSystem() ? i.getSystem() : "") + "|" + i.getValue().strip()).orElse(null);
        if (key == null && entry.fullUrl() != null && !entry.fullUrl().isBlank()) {
            key = entry.fullUrl();
        }
        if (key == null && r.getIdElement().getIdPart() != null) {
            key = r.fhirType() + "/" + r.getIdElement().getIdPart();
        }
        return key == null ? null : bounded(key);
    }

    /** A key that fits the column: long ones become a hash of themselves. */
    static String bounded(String key) {
        if (key.length() <= MAX_KEY) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
