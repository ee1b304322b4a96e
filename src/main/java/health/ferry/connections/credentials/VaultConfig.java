package health.ferry.connections.credentials;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

/** Keys for the credential vault (prefix {@code ferry.vault}); in prod they come only from the environment. */
@ConfigMapping(prefix = "ferry.vault")
public interface VaultConfig {
    /** Key-encryption keys by id, each 32 random bytes in base64. Keep retired keys until re-wrapping is done. */
    Map<String, String> keys();

    /** The id of the key new secrets are wrapped with. */
    String activeKey();
}
