package health.ferry.connections;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Convert;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A person's connection to one patient portal and its state machine: authorizing or validating, then connected,
 * or a failure from the taxonomy that decides the status. Secrets live apart, sealed, in connection_secret.
 */
@Entity
@Table(name = "connection")
public class Connection {
    @Id
    UUID id;
    @Column(name = "person_id", nullable = false)
    UUID personId;
    @Column(name = "portal_id", nullable = false)
    UUID portalId;
    @Column(name = "portal_name", nullable = false)
    String portalName;
    @Column(nullable = false)
    String method;
    @Convert(converter = ConnectionStatus.Converter.class)
    @Column(nullable = false)
    ConnectionStatus status;
    @Column(name = "failure_code")
    String failureCode;
    @Column(name = "failure_at")
    Instant failureAt;
    @Column(name = "profiles_json")
    String profilesJson;
    /** The portal's own page for the next step (accept terms, change password), when it gave one. */
    @Column(name = "action_url")
    String actionUrl;
    @Column(name = "oauth_state_hash")
    String oauthStateHash;
    @Column(name = "oauth_started_at")
    Instant oauthStartedAt;
    /** {@code minimal} while an authorisation asks for the fallback scopes (after invalid_scope), else null. */
    @Column(name = "oauth_scope_set")
    String oauthScopeSet;
    @Column(name = "access_expires_at")
    Instant accessExpiresAt;
    /** When the portal said access ends for good (no refresh after it); null when it did not say. */
    @Column(name = "access_ends_at")
    Instant accessEndsAt;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
    @Column(name = "connected_at")
    Instant connectedAt;
    @Column(name = "disconnected_at")
    Instant disconnectedAt;
    @Version
    int version;

    /** New sign-in details for this working connection are being tried (null otherwise). */
    @Column(name = "update_checking_since")
    Instant updateCheckingSince;
    /** Why the portal refused the last new sign-in details tried (the connection kept its old ones). */
    @Column(name = "update_failure_code")
    String updateFailureCode;
    @Column(name = "update_failure_at")
    Instant updateFailureAt;

    protected Connection() {
    }

    Connection(UUID personId, UUID portalId, String portalName, String method, Instant now) {
        this.id = UUID.randomUUID();
        this.personId = personId;
        this.portalId = portalId;
        this.portalName = portalName;
        this.method = method;
        this.createdAt = now;
        moveTo(ConnectionStatus.VALIDATING, now);
    }

    public ConnectionStatus status() {
        return status;
    }

    public ConnectionFailure failure() {
        return failureCode == null ? null : ConnectionFailure.fromCode(failureCode).orElse(null);
    }

    /** Validation (credentials) or a token exchange (SMART) is under way. */
    void validating(Instant now) {
        clearFailure();
        this.accessEndsAt = null;
        moveTo(ConnectionStatus.VALIDATING, now);
    }

    /**
     * The participant is being sent to the portal to authorise; the state's hash binds the return to this row;
     * {@code minimalScopes} when this is the one retry with the fallback scopes.
     */
    void authorizing(String stateHash, boolean minimalScopes, Instant now) {
        clearFailure();
        this.accessEndsAt = null;
        this.oauthStateHash = stateHash;
        this.oauthStartedAt = now;
        this.oauthScopeSet = minimalScopes ? "minimal" : null;
        moveTo(ConnectionStatus.AUTHORIZING, now);
    }

    /**
     * Tokens were granted, but for a patient who does not look like the person being connected: the tokens are
     * kept sealed (with their times) and the participant is asked; {@code profilesJson} holds the portal's patient.
     */
    void awaitPatientConfirmation(String profilesJson, Instant accessExpiresAt, Instant accessEndsAt, Instant now) {
        recordFailure(ConnectionFailure.PATIENT_MISMATCH, profilesJson, now);
        this.accessExpiresAt = accessExpiresAt;
        this.accessEndsAt = accessEndsAt;
    }

    /** The participant confirmed the portal's patient: connected with the tokens kept meanwhile. */
    void patientConfirmed(Instant now) {
        this.profilesJson = null;
        connected(accessExpiresAt, accessEndsAt, now);
    }

    /** Whether this authorisation already asked for the fallback scopes (so a refusal is final). */
    boolean askedMinimalScopes() {
        return "minimal".equals(oauthScopeSet);
    }

    /** A refresh that does not repeat when access ends keeps the end given at sign-in. */
    void connected(Instant accessExpiresAt, Instant accessEndsAt, Instant now) {
        clearFailure();
        if (accessEndsAt != null) {
            this.accessEndsAt = accessEndsAt;
        }
        this.oauthStateHash = null;
        this.accessExpiresAt = accessExpiresAt;
        this.connectedAt = now;
        moveTo(ConnectionStatus.CONNECTED, now);
    }

    /** Records a failure; its code decides the status (action required, failed, pending, not supported). */
    void recordFailure(ConnectionFailure failure, String profilesJson, Instant now) {
        recordFailure(failure, profilesJson, null, now);
    }

    void recordFailure(ConnectionFailure failure, String profilesJson, String actionUrl, Instant now) {
        updateSettled();
        this.failureCode = failure.code();
        this.actionUrl = actionUrl;
        this.failureAt = now;
        this.profilesJson = failure == ConnectionFailure.MULTIPLE_PROFILES
                || failure == ConnectionFailure.PATIENT_MISMATCH ? profilesJson : null;
        this.oauthStateHash = null;
        moveTo(failure.status(), now);
    }

    /** New sign-in details are tried beside the working ones; the status stays as it is. */
    void checkingUpdate(Instant now) {
        this.updateCheckingSince = now;
        this.updateFailureCode = null;
        this.updateFailureAt = null;
        this.updatedAt = now;
    }

    /** The portal refused the new details: the connection keeps the old ones, and the refusal is shown. */
    void updateRefused(ConnectionFailure failure, Instant now) {
        this.updateCheckingSince = null;
        this.updateFailureCode = failure.code();
        this.updateFailureAt = now;
        this.updatedAt = now;
    }

    private void updateSettled() {
        this.updateCheckingSince = null;
        this.updateFailureCode = null;
        this.updateFailureAt = null;
    }

    /** Stops the connection: no new records; secrets are deleted by the caller in the same transaction. */
    void disconnect(Instant now) {
        clearFailure();
        this.oauthStateHash = null;
        this.disconnectedAt = now;
        moveTo(ConnectionStatus.DISCONNECTED, now);
    }

    private void clearFailure() {
        updateSettled();
        this.actionUrl = null;
        this.failureCode = null;
        this.failureAt = null;
        this.profilesJson = null;
    }

    private void moveTo(ConnectionStatus next, Instant now) {
        this.status = next;
        this.updatedAt = now;
    }
}
