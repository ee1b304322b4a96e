package health.ferry.directory;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A patient portal people sign in to: its websites, the organisations whose records it holds, the FHIR endpoints
 * behind it, how Ferry connects and whether it can. Imported portals carry a source key; requested ones do not.
 */
@Entity
@Table(name = "portal")
class Portal {
    static final int MAX_WEBSITES = 20;

    @Id
    UUID id;
    @Column(name = "source_key")
    String sourceKey;
    @Column(nullable = false)
    String name;
    @Column(name = "name_key", nullable = false)
    String nameKey;
    @Column(name = "ehr_vendor")
    String ehrVendor;
    @Convert(converter = ConnectionMethod.Jpa.class)
    @Column(name = "connection_method", nullable = false)
    ConnectionMethod connectionMethod;
    @Convert(converter = SupportStatus.Jpa.class)
    @Column(name = "support_status", nullable = false)
    SupportStatus supportStatus;
    @Column(name = "status_decided_at")
    Instant statusDecidedAt;
    @Column(name = "requested_by")
    UUID requestedBy;
    @Column(name = "requested_at")
    Instant requestedAt;
    @ElementCollection
    @CollectionTable(name = "portal_website", joinColumns = @JoinColumn(name = "portal_id"))
    @OrderColumn(name = "position")
    List<PortalWebsite> websites = new ArrayList<>();
    @ElementCollection
    @CollectionTable(name = "portal_organisation", joinColumns = @JoinColumn(name = "portal_id"))
    @Column(name = "organisation_id")
    Set<UUID> organisationIds = new HashSet<>();
    @ElementCollection
    @CollectionTable(name = "portal_endpoint", joinColumns = @JoinColumn(name = "portal_id"))
    @Column(name = "endpoint_id")
    Set<UUID> endpointIds = new HashSet<>();
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
    @Version
    int version;

    protected Portal() {
    }

    private Portal(String sourceKey, String name, ConnectionMethod method, SupportStatus status, Instant now) {
        this.id = UUID.randomUUID();
        this.sourceKey = sourceKey;
        rename(name);
        this.connectionMethod = method;
        this.supportStatus = status;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A new portal from a published list (or Ferry's own sandbox entries); {@link #apply} fills it in. */
    static Portal listed(String sourceKey, Instant now) {
        return new Portal(sourceKey, sourceKey, ConnectionMethod.SMART, SupportStatus.PENDING, now);
    }

    /** A portal a participant asked for ("my portal isn't listed"): pending until an admin decides. */
    static Portal requested(String name, WebsiteAddress website, UUID by, Instant now) {
        Portal p = new Portal(null, name, ConnectionMethod.CREDENTIALS, SupportStatus.PENDING, now);
        if (website != null) {
            p.websites.add(new PortalWebsite(website));
        }
        p.requestedBy = by;
        p.requestedAt = now;
        return p;
    }

    /**
     * Takes what a published list says. The support status follows the list (active endpoints are supported)
     * until an admin decides; then it stays. A requested portal taken over gets its key. Answers whether anything
     * changed.
     */
    boolean apply(ImportBatch.PortalDraft draft, Set<UUID> organisations, Set<UUID> endpoints, Instant now) {
        List<PortalWebsite> sites = draft.websites().stream().limit(MAX_WEBSITES).map(PortalWebsite::new).toList();
        SupportStatus status = statusDecidedAt != null ? supportStatus
                : draft.active() ? SupportStatus.SUPPORTED : SupportStatus.NOT_SUPPORTED;
        boolean changed = !Objects.equals(name, draft.name()) || !Objects.equals(ehrVendor, draft.vendor())
                || connectionMethod != draft.method() || supportStatus != status
                || !keys(websites).equals(keys(sites)) || !organisationIds.equals(organisations)
                || !endpointIds.equals(endpoints) || sourceKey == null;
        if (changed) {
            sourceKey = draft.key();
            rename(draft.name());
            ehrVendor = draft.vendor();
            connectionMethod = draft.method();
            supportStatus = status;
            websites.clear();
            websites.addAll(sites);
            organisationIds.clear();
            organisationIds.addAll(organisations);
            endpointIds.clear();
            endpointIds.addAll(endpoints);
            updatedAt = now;
        }
        return changed;
    }

    /** An admin's decision; imports no longer change the status afterwards. */
    void decideSupport(SupportStatus status, Instant now) {
        supportStatus = status;
        statusDecidedAt = now;
        updatedAt = now;
    }

    /** A participant's request that no admin has decided on and no published list has taken over. */
    boolean isPrivateRequest() {
        return sourceKey == null && requestedBy != null && statusDecidedAt == null;
    }

    /** Whether this account (null: nobody in particular) may find the portal: listed, or its own request. */
    boolean visibleTo(UUID account) {
        return !isPrivateRequest() || requestedBy.equals(account);
    }

    boolean hasWebsite(String key) {
        return websites.stream().anyMatch(w -> w.key().equals(key));
    }

    private void rename(String newName) {
        this.name = newName.length() > 300 ? newName.substring(0, 300) : newName;
        this.nameKey = NameTokens.key(this.name);
    }

    private static List<String> keys(List<PortalWebsite> sites) {
        return sites.stream().map(PortalWebsite::key).toList();
    }
}
