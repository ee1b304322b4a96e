package health.ferry.accounts;

import java.util.UUID;

/** Who did something, for the audit trail: account id, username and the role they acted in. */
public record Actor(UUID accountId, String username, String role) {
}
