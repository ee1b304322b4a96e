package health.ferry.accounts;

import java.util.UUID;

/** A person was added, updated or removed by their account owner. Carries ids only, never names. */
public record PersonChanged(Actor actor, UUID personId, Change change) {
    public enum Change { ADDED, UPDATED, REMOVED }
}
