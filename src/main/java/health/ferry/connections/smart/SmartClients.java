package health.ferry.connections.smart;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Ferry's registration at each portal that needs more than a public client (prefix {@code ferry.smart}): by the
 * FHIR base's host (or {@code host:port}), the client id and how Ferry authenticates at the token endpoint: a client
 * secret ({@code client_secret_basic}) or a private key it signs client assertions with ({@code private_key_jwt},
 * RS384 or ES384). A portal not listed is a public client with {@code ferry.connections.smart.client-id} and PKCE.
 */
@ConfigMapping(prefix = "ferry.smart")
public interface SmartClients {
    /** Registrations by the FHIR base's host (lower case), or host:port. */
    Map<String, Client> clients();

    /** One portal's registration. */
    interface Client {
        /** The client id the portal gave Ferry (default: {@code ferry.connections.smart.client-id}). */
        Optional<String> clientId();

        /** A client secret: {@code client_secret_basic}. A secret: from the environment or a secret store. */
        Optional<String> secret();

        /**
         * A PKCS#8 PEM private key (RSA, at least 2048 bits: RS384; EC P-384: ES384): {@code private_key_jwt}.
         * Its public key is what the portal was given (or fetches from Ferry's JWKS URL).
         */
        Optional<Path> jwtKeyFile();

        /** The {@code kid} of that key in the JWKS the portal knows. */
        Optional<String> jwtKeyId();
    }

    /** The registration for this FHIR base: by host:port first, then by host. */
    default Optional<Client> forBase(java.net.URI fhirBase) {
        String host = fhirBase.getHost() == null ? "" : fhirBase.getHost().toLowerCase(Locale.ROOT);
        Client byAuthority = fhirBase.getPort() < 0 ? null : clients().get(host + ":" + fhirBase.getPort());
        return Optional.ofNullable(byAuthority != null ? byAuthority : clients().get(host));
    }
}
