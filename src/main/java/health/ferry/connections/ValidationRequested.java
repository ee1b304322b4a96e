package health.ferry.connections;

import java.util.UUID;

/**
 * Asks the validator to talk to the portal once the current transaction has committed. {@code answer} (a one-time
 * code or a profile id) lives only in memory: after a crash the participant is simply asked again.
 */
record ValidationRequested(UUID connectionId, Step step, String answer) {
    /** {@code UPDATE}: new sign-in details for a working connection, tried before they replace the old ones. */
    enum Step { SIGN_IN, SECOND_FACTOR, PROFILE, UPDATE }

    @Override
    public String toString() {
        return "ValidationRequested[" + connectionId + ", " + step + "]";
    }
}
