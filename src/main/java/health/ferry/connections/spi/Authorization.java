package health.ferry.connections.spi;

import java.net.URI;

/** Where to send the participant to authorise Ferry, and the secrets to keep (sealed) until they come back. */
public record Authorization(URI authorizeUrl, String state, String codeVerifier) {
    @Override
    public String toString() {
        return "Authorization[" + authorizeUrl.getHost() + "]";
    }
}
