package health.ferry.accounts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Set;
import java.util.UUID;

/** The signed-in account as pages, the API and other features see it. */
public record AccountView(UUID id, String username, String displayName, Set<String> roles) {
    @JsonIgnore
    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
