package health.ferry.directory;

import java.util.UUID;

/** An admin decided whether a (participant-requested) portal is supported. Fired inside the decision's transaction. */
public record PortalSupportDecided(UUID portalId, String portalName, String supportStatus) {
}
