package health.ferry.connections;

import com.fasterxml.jackson.annotation.JsonIgnore;
import health.ferry.connections.spi.Profile;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A connection as the contract shows it. {@code portalWebsite} (for "I don't know my credentials") and
 * {@code authorizeUrl} (SMART, on start and reconnect) and {@code portalActionUrl} (the portal's page for the next
 * step) and {@code accessEndsAt} (when the portal said access ends for good) extend it. Never carries a secret.
 */
public record ConnectionView(UUID id, UUID personId, UUID portalId, String portalName, String method, String status,
        Failure failure, LastSync lastSync, Instant nextSync, List<ProfileChoice> profiles, String portalWebsite,
        String authorizeUrl, Instant accessExpiresAt, String portalActionUrl, Instant accessEndsAt,
        SignInUpdate signInUpdate) {

    /**
     * New sign-in details for a working connection: {@code checking} while the portal is asked, {@code refused} (with
     * the portal's reason) when it said no; the connection meanwhile keeps working with the details it had.
     */
    public record SignInUpdate(String state, Failure failure) {
        @JsonIgnore
        public boolean checking() {
            return "checking".equals(state);
        }
    }

    /**
     * The failure's code, plain message and next step; {@code retryAt} (extension) is when a cool-down after too many
     * refused sign-ins ends, while it lasts (null for other failures, and once it has ended: then try again).
     */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "A connection's failure: the "
            + "contract's code (plus portal_setup_error: the portal refused Ferry's registration or its SMART "
            + "configuration cannot be used; status not_supported, Ferry's team is told; and patient_mismatch: the "
            + "portal's patient is not the person connected, confirm with POST /connections/{id}/profile), plain "
            + "message, next step")
    public record Failure(
            @org.eclipse.microprofile.openapi.annotations.media.Schema(enumeration = {"credential_error",
                    "two_factor_required", "multiple_profiles", "terms_acceptance_required",
                    "password_change_required", "account_locked", "authorization_declined", "reconnect_required",
                    "portal_unavailable", "portal_not_supported", "portal_pending", "too_many_attempts",
                    "portal_setup_error", "patient_mismatch"}) String code,
            String message, String remedy, Instant retryAt) {
        public Failure(String code, String message, String remedy) {
            this(code, message, remedy, null);
        }

        /** The end of the cool-down as "2026-12-07 16:43 UTC" (pages). */
        @JsonIgnore
        public String retryAtText() {
            if (retryAt == null) {
                return null;
            }
            Instant down = retryAt.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            Instant up = down.equals(retryAt) ? down : down.plus(java.time.Duration.ofMinutes(1));
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                    .withZone(java.time.ZoneOffset.UTC).format(up);
        }
    }

    /**
     * The last sync run (filled in by sync); {@code failureCode} (extension) says why a failed run failed, e.g.
     * {@code portal_unavailable}: the portal did not answer, and the schedule tries again later.
     */
    public record LastSync(Instant startedAt, Instant finishedAt, String outcome, int newRecords,
            String failureCode) {
        /** The count as text, for messages whose other use is a placeholder the page fills in live. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public String newRecordsText() {
            return Integer.toString(newRecords);
        }
    }

    /** A profile of a family account; {@code suggested} marks the one matching the person being connected. */
    public record ProfileChoice(String id, String name, String birthDate, boolean suggested) {
        static ProfileChoice of(Profile p, boolean suggested) {
            return new ProfileChoice(p.id(), p.name(), p.birthDate() == null ? null : p.birthDate().toString(),
                    suggested);
        }
    }

    @JsonIgnore
    public boolean inProgress() {
        return ConnectionStatus.AUTHORIZING.code().equals(status) || ConnectionStatus.VALIDATING.code().equals(status);
    }

    @JsonIgnore
    public boolean isConnected() {
        return ConnectionStatus.CONNECTED.code().equals(status);
    }

    /** A sync is due now or in a moment (the first one after connecting is queued): records are on their way. */
    @JsonIgnore
    public boolean syncDueNow() {
        return nextSync != null && nextSync.isBefore(Instant.now().plus(java.time.Duration.ofMinutes(2)));
    }

    /** A sync runs, or is about to: the page follows it live. */
    @JsonIgnore
    public boolean syncUnderWay() {
        return lastSync != null ? lastSync.finishedAt() == null : syncDueNow();
    }

    /** Access ends for good within a week (the page offers Reconnect). */
    @JsonIgnore
    public boolean accessEndingSoon() {
        return accessEndsAt != null && accessEndsAt.isBefore(Instant.now().plus(java.time.Duration.ofDays(7)));
    }

    @JsonIgnore
    public String failureCode() {
        return failure == null ? null : failure.code();
    }

    ConnectionView withAuthorizeUrl(String url) {
        return new ConnectionView(id, personId, portalId, portalName, method, status, failure, lastSync, nextSync,
                profiles, portalWebsite, url, accessExpiresAt, portalActionUrl, accessEndsAt, signInUpdate);
    }
}
