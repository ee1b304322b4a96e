package health.ferry.connections.spi;

import java.time.Instant;
import java.util.List;

/**
 * What a portal answered to a sign-in, second factor, profile choice, token exchange or refresh: connected (with
 * the session or tokens to seal), or a failure code from the taxonomy with what the next step needs.
 */
public sealed interface SignInOutcome {
    /**
     * Connected: {@code session} is sealed as the connection's tokens; the token may end at {@code accessExpiresAt};
     * {@code accessEndsAt}, when the portal says so, is when access ends for good (no refresh after it).
     */
    record Connected(String session, Instant accessExpiresAt, Instant accessEndsAt) implements SignInOutcome {
        public Connected(String session, Instant accessExpiresAt) {
            this(session, accessExpiresAt, null);
        }

        @Override
        public String toString() {
            return "Connected[accessExpiresAt=" + accessExpiresAt + "]";
        }
    }

    /**
     * Not connected: {@code failureCode} is a taxonomy code; {@code challenge} is the portal's opaque handle for the
     * next step (second factor, profile choice), sealed until then; {@code profiles} for a family account;
     * {@code actionUrl} the portal's own page for a step done there (terms, password).
     */
    record Failed(String failureCode, String challenge, List<Profile> profiles, String actionUrl,
            PortalError portalError) implements SignInOutcome {
        /** The code of a portal whose connection is not set up correctly (Ferry's registration there). */
        public static final String SET_UP = "portal_setup_error";

        public Failed {
            profiles = profiles == null ? List.of() : List.copyOf(profiles);
        }

        public Failed(String failureCode, String challenge, List<Profile> profiles, String actionUrl) {
            this(failureCode, challenge, profiles, actionUrl, null);
        }

        public Failed(String failureCode, String challenge, List<Profile> profiles) {
            this(failureCode, challenge, profiles, null);
        }

        /**
         * The portal's connection is not set up correctly: it refused Ferry's registration or its discovery cannot
         * be used. {@code error} and {@code description} are what the portal said, for admins only.
         */
        public static Failed setUp(String error, String description) {
            return new Failed(SET_UP, null, List.of(), null, new PortalError(error, description));
        }

        public static Failed of(String failureCode) {
            return new Failed(failureCode, null, List.of(), null);
        }

        /** A failure whose next step happens on a page of the portal itself. */
        public static Failed withPage(String failureCode, String actionUrl) {
            return new Failed(failureCode, null, List.of(), actionUrl);
        }

        @Override
        public String toString() {
            return "Failed[" + failureCode + ", profiles=" + profiles.size() + "]";
        }
    }

    /** What a portal said when it refused Ferry's set-up: its OAuth error code and free-text description. */
    record PortalError(String error, String description) {
    }
}
