package health.ferry.connections;

import java.util.Locale;

/** Where a connection stands, as the contract names it. */
public enum ConnectionStatus {
    AUTHORIZING, VALIDATING, CONNECTED, PENDING_PORTAL, NOT_SUPPORTED, ACTION_REQUIRED, FAILED, DISCONNECTED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Stores a status as its lower-case code. */
    @jakarta.persistence.Converter
    public static class Converter implements jakarta.persistence.AttributeConverter<ConnectionStatus, String> {
        @Override
        public String convertToDatabaseColumn(ConnectionStatus status) {
            return status == null ? null : status.code();
        }

        @Override
        public ConnectionStatus convertToEntityAttribute(String code) {
            return code == null ? null : valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    /** Still waiting on something Ferry or the portal does, not the participant: the page keeps polling. */
    public boolean inProgress() {
        return this == AUTHORIZING || this == VALIDATING;
    }
}
