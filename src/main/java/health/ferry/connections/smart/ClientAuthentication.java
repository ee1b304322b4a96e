package health.ferry.connections.smart;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

/**
 * What proves a token request comes from Ferry's client at a portal (SMART App Launch 2.x, "Client Authentication"):
 * a public client names itself ({@code client_id}; the code is proven with PKCE); a confidential client with a
 * secret uses HTTP Basic ({@code client_secret_basic}: the url-encoded id and secret, RFC 6749 2.3.1); one with a
 * key sends a signed assertion ({@code private_key_jwt}, {@link ClientAssertion}, RFC 7523).
 */
@FunctionalInterface
public interface ClientAuthentication {
    /** A public client: {@code client_id} in the form. */
    ClientAuthentication PUBLIC = (clientId, tokenEndpoint, form, headers) -> form.put("client_id", clientId);

    /** Adds to a token request's form or headers what authenticates Ferry's client. */
    void authenticate(String clientId, URI tokenEndpoint, Map<String, String> form, Map<String, String> headers);

    /** {@code client_secret_basic} with this secret. */
    static ClientAuthentication secretBasic(String secret) {
        return (clientId, tokenEndpoint, form, headers) -> headers.put("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((enc(clientId) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code private_key_jwt}: a fresh assertion for the token endpoint, signed with this key. */
    static ClientAuthentication privateKeyJwt(ClientAssertion signer, Clock clock) {
        return (clientId, tokenEndpoint, form, headers) -> {
            form.put("client_assertion_type", ClientAssertion.TYPE);
            form.put("client_assertion", signer.sign(clientId, tokenEndpoint, clock.instant()));
        };
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
