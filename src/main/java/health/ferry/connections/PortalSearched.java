package health.ferry.connections;

import health.ferry.accounts.Actor;
import java.util.UUID;

/** Someone searched the portal directory for a person: the first step of a study's connection funnel. */
public record PortalSearched(Actor actor, UUID personId) {
}
