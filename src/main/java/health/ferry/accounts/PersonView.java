package health.ferry.accounts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.UUID;

/** A person as pages, the API and other features see them: {@code relationship} is self, child or ward. */
public record PersonView(UUID id, String displayName, LocalDate birthDate, String relationship) {
    @JsonIgnore
    public boolean isSelf() {
        return Relationship.SELF.code().equals(relationship);
    }
}
