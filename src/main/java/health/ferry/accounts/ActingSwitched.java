package health.ferry.accounts;

import java.util.UUID;

/** The owner switched who they are acting for. */
public record ActingSwitched(Actor actor, UUID personId) {
}
