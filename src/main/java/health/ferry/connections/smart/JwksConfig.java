package health.ferry.connections.smart;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Ferry's signing keys for {@code private_key_jwt} and what its JWKS URL publishes (prefix {@code ferry.jwks}). */
@ConfigMapping(prefix = "ferry.jwks")
public interface JwksConfig {
    /**
     * Ferry's signing keys by kid ({@code ferry.jwks.keys."<kid>"=<file>}): PKCS#8 PEM private keys, RSA of at least
     * 2048 bits (RS384) or EC P-384 (ES384), read at start-up. Every one not retired by an admin is published at
     * {@code /.well-known/jwks.json}; a client registration names the one it signs with. Rotation: add the new key
     * here, restart, switch the registrations, retire the old key (docs/connectors.md, "Rotating Ferry's keys").
     */
    Map<String, Path> keys();

    /**
     * Older form: key files published under their RFC 7638 thumbprint without a registration signing with them.
     * Prefer {@link #keys()}.
     */
    Optional<List<Path>> publishedKeyFiles();
}
