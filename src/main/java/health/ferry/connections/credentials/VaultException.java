package health.ferry.connections.credentials;

/** A stored secret that does not open: it fails closed and the connection needs its secret entered again. */
public class VaultException extends RuntimeException {
    public VaultException(String message) {
        super(message, null, false, false);
    }
}
