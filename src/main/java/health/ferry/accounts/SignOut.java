package health.ferry.accounts;

import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign-out is a form POST (CSRF-checked, never a GET): it ends Ferry's session, then sends the browser to the
 * IdP's end-session endpoint so the IdP session ends too, and back to the signed-out page.
 */
@Path("/logout")
public class SignOut {
    @Inject
    OidcSession session;
    @Inject
    Instance<OidcConfigurationMetadata> metadata;
    @Inject
    CurrentAccount current;
    @Inject
    Event<SignedOut> signedOut;
    @Inject
    PublicOrigin origin;
    @ConfigProperty(name = "quarkus.oidc.client-id")
    String clientId;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut() {
        String idToken = session.getIdToken() == null ? null : session.getIdToken().getRawToken();
        signedOut.fire(new SignedOut(current.actor()));
        session.logout().await().indefinitely();
        String back = origin.resolve("/signed-out").toString();
        String endSession = metadata.isResolvable() ? metadata.get().getEndSessionUri() : null;
        if (endSession == null) {
            return Response.seeOther(URI.create(back)).build();
        }
        StringBuilder target = new StringBuilder(endSession).append(endSession.contains("?") ? '&' : '?')
                .append("post_logout_redirect_uri=").append(encode(back))
                .append("&client_id=").append(encode(clientId));
        if (idToken != null) {
            target.append("&id_token_hint=").append(encode(idToken));
        }
        return Response.seeOther(URI.create(target.toString())).build();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
