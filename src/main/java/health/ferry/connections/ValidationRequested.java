package health.ferry.connections;

import java.util.UUID;

/**
 * Asks the validator to talk to the portal once the current transaction has committed. {@code answer} (a one-time
 * code or a profile id) lives only in memory: after a crash the participant is simply asked again.
 */
record ValidationRequested(UUID connectionId, Step step, String answer) {
    enum Step { SIGN_IN, SECOND_FACTOR, PROFILE }

    @Override
    public String toString() {
        return "ValidationRequested[" + connectionId + ", " + step + "]";
    }
}
