package health.ferry.outbound;

/**
 * A server-side request Ferry will not make: the address is not one Ferry may reach from the server (see
 * {@link OutboundPolicy}). Not a portal outage: retrying cannot help, so callers report a set-up problem.
 */
public class OutboundRefused extends RuntimeException {
    private final AddressRules.Refusal refusal;
    private final String host;

    public OutboundRefused(String host, AddressRules.Refusal refusal) {
        super("outbound request to " + host + " refused: " + refusal.code(), null, false, false);
        this.refusal = refusal;
        this.host = host;
    }

    public AddressRules.Refusal refusal() {
        return refusal;
    }

    public String host() {
        return host;
    }

    /** For an admin: why the address was refused, in words. */
    public String reason() {
        return "The address " + host + " is " + refusal.words() + ", which Ferry does not contact.";
    }
}
