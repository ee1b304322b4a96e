package health.ferry.connections.spi;

import java.net.URI;

/**
 * A step the participant takes toward a connection, answered by the portal through a {@link PortalConnector}: a
 * sign-in with their details, a second factor or a profile choice (credential portals), or the return from
 * authorising at the portal (SMART). A connector answers only the steps of its method.
 */
public sealed interface ConnectorStep {
    /** The participant's portal user name and password. */
    record SignIn(String username, String password) implements ConnectorStep {
        @Override
        public String toString() {
            return "SignIn";
        }
    }

    /** The one-time code the portal asked for, with the portal's handle of the sign-in it belongs to. */
    record SecondFactor(String challenge, String code) implements ConnectorStep {
        @Override
        public String toString() {
            return "SecondFactor";
        }
    }

    /** The profile chosen in a family account, with the portal's handle of the sign-in it belongs to. */
    record ProfileChoice(String challenge, String profileId) implements ConnectorStep {
        @Override
        public String toString() {
            return "ProfileChoice";
        }
    }

    /** The return from the portal: the authorization code (with the PKCE verifier kept since), or its error. */
    record AuthorizationReturn(URI callback, String code, String verifier, String error, String errorDescription)
            implements ConnectorStep {
        @Override
        public String toString() {
            return "AuthorizationReturn[" + (error == null ? "code" : error) + "]";
        }
    }
}
