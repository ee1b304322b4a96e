package health.ferry.accounts;

import java.util.UUID;

/**
 * Fired, inside the transaction, before a person is removed. An observer that must keep the person (an active
 * study enrolment, say) throws an {@link health.ferry.outcome.OutcomeException} to stop the removal.
 */
public record PersonRemoval(UUID personId) {
}
