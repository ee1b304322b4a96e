package health.ferry.connections;

import health.ferry.accounts.Actor;
import java.util.UUID;

/** A connection was started, changed state or was disconnected. Ids and codes only; actor null for jobs. */
public record ConnectionChanged(Actor actor, UUID personId, UUID connectionId, UUID portalId, String action,
        String status, String failureCode) {
}
