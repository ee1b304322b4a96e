package health.ferry.directory;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A FHIR server base URL that portals' records come from, with what is known of its SMART configuration. One row
 * per address: lists that name the same server (in another letter case, with a trailing slash) meet here.
 */
@Entity
@Table(name = "fhir_endpoint")
class FhirEndpoint {
    @Id
    UUID id;
    @Column(nullable = false)
    String address;
    @Column(name = "address_key", nullable = false)
    String addressKey;
    String name;
    @Column(name = "ehr_vendor")
    String ehrVendor;
    @Column(name = "fhir_version")
    String fhirVersion;
    @Column(nullable = false)
    String status;
    @Column(name = "authorize_url")
    String authorizeUrl;
    @Column(name = "token_url")
    String tokenUrl;
    @Column(name = "smart_checked_at")
    Instant smartCheckedAt;
    @ElementCollection
    @CollectionTable(name = "fhir_endpoint_organisation", joinColumns = @JoinColumn(name = "endpoint_id"))
    @Column(name = "organisation_id")
    Set<UUID> organisationIds = new HashSet<>();
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected FhirEndpoint() {
    }

    FhirEndpoint(String address, Instant now) {
        this.id = UUID.randomUUID();
        this.address = address;
        this.addressKey = keyOf(address);
        this.status = "active";
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The lookup form of a base URL: lower case, no trailing slash. */
    static String keyOf(String address) {
        String key = address.strip().toLowerCase(Locale.ROOT);
        while (key.endsWith("/")) {
            key = key.substring(0, key.length() - 1);
        }
        return key;
    }

    /**
     * Takes the listed details. Organisations are added, never removed: several lists may name the same server.
     * SMART URLs are only overwritten by known values. Answers whether anything changed.
     */
    boolean apply(ImportBatch.EndpointDraft draft, Set<UUID> organisations, Instant now) {
        String authorize = draft.authorizeUrl() != null ? draft.authorizeUrl() : authorizeUrl;
        String token = draft.tokenUrl() != null ? draft.tokenUrl() : tokenUrl;
        String vendor = draft.vendor() != null ? draft.vendor() : ehrVendor;
        boolean changed = !Objects.equals(address, draft.address()) || !Objects.equals(name, draft.name())
                || !Objects.equals(ehrVendor, vendor) || !Objects.equals(fhirVersion, draft.fhirVersion())
                || !Objects.equals(status, draft.status()) || !Objects.equals(authorizeUrl, authorize)
                || !Objects.equals(tokenUrl, token) || !organisationIds.containsAll(organisations);
        if (changed) {
            address = draft.address();
            name = draft.name();
            ehrVendor = vendor;
            fhirVersion = draft.fhirVersion();
            status = draft.status();
            authorizeUrl = authorize;
            tokenUrl = token;
            organisationIds.addAll(organisations);
            updatedAt = now;
        }
        return changed;
    }
}
