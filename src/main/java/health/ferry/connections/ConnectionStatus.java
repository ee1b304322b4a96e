package health.ferry.connections;

import java.util.Locale;

/** Where a connection stands, as the contract names it. */
public enum ConnectionStatus {
    AUTHORIZING, VALIDATING, CONNECTED, PENDING_PORTAL, NOT_SUPPORTED, ACTION_REQUIRED, FAILED, DISCONNECTED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Still waiting on something Ferry or the portal does, not the participant: the page keeps polling. */
    public boolean inProgress() {
        return this == AUTHORIZING || this == VALIDATING;
    }
}
