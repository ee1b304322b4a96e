package health.ferry.connections;

import io.quarkus.qute.i18n.MessageBundles;
import java.util.Locale;
import java.util.Optional;

/**
 * The closed failure taxonomy of a portal connection (codes as in the API contract). Each failure has a
 * plain-language message and one next step in {@link ConnectionMessages}; the database stores only the code.
 */
public enum ConnectionFailure {
    CREDENTIAL_ERROR(true), TWO_FACTOR_REQUIRED(true), MULTIPLE_PROFILES(true), TERMS_ACCEPTANCE_REQUIRED(true),
    PASSWORD_CHANGE_REQUIRED(true), ACCOUNT_LOCKED(true), AUTHORIZATION_DECLINED(true), RECONNECT_REQUIRED(true),
    TOO_MANY_ATTEMPTS(true), PORTAL_UNAVAILABLE(false), PORTAL_NOT_SUPPORTED(false), PORTAL_PENDING(false),
    PORTAL_SETUP_ERROR(false), PATIENT_MISMATCH(true);

    private final boolean participantCanFix;

    ConnectionFailure(boolean participantCanFix) {
        this.participantCanFix = participantCanFix;
    }

    /** The stable snake_case code. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConnectionFailure> fromCode(String code) {
        for (ConnectionFailure f : values()) {
            if (f.code().equals(code)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The connection status this failure puts a connection in. */
    public ConnectionStatus status() {
        return switch (this) {
            case PORTAL_NOT_SUPPORTED, PORTAL_SETUP_ERROR -> ConnectionStatus.NOT_SUPPORTED;
            case PORTAL_PENDING -> ConnectionStatus.PENDING_PORTAL;
            case PORTAL_UNAVAILABLE -> ConnectionStatus.FAILED;
            default -> ConnectionStatus.ACTION_REQUIRED;
        };
    }

    public boolean participantCanFix() {
        return participantCanFix;
    }

    /** What went wrong, in plain language. */
    public String message() {
        return text("failure_" + code());
    }

    /** The one next step the participant can take. */
    public String remedy() {
        return text("remedy_" + code());
    }

    private static String text(String key) {
        try {
            return (String) ConnectionMessages.class.getMethod(key).invoke(MessageBundles.get(ConnectionMessages.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("No message " + key, e);
        }
    }
}
