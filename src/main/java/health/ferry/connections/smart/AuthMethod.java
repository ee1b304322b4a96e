package health.ferry.connections.smart;

import java.util.Arrays;
import java.util.Optional;

/** How Ferry authenticates at a portal's token endpoint (SMART App Launch 2.x client types). */
public enum AuthMethod {
    /** A public client: names itself with {@code client_id} and proves the code with PKCE. */
    PUBLIC("public"),
    /** A confidential symmetric client: the client id and secret in HTTP Basic (RFC 6749 2.3.1). */
    CLIENT_SECRET_BASIC("client_secret_basic"),
    /** A confidential asymmetric client: a client assertion signed with one of Ferry's keys (RFC 7523). */
    PRIVATE_KEY_JWT("private_key_jwt");

    private final String code;

    AuthMethod(String code) {
        this.code = code;
    }

    /** The code in the database and the API (as SMART's {@code token_endpoint_auth_methods_supported} spells it). */
    public String code() {
        return code;
    }

    static Optional<AuthMethod> of(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }
}
