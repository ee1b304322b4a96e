package health.ferry.studies;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** An enrolment as the API contract shows it ({@code status} and {@code withdrawnAt} extend the contract). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnrolmentView(UUID id, String studyId, UUID personId, String consentVersion, Instant enrolledAt,
        String status, Instant withdrawnAt) {
    @JsonIgnore
    public boolean isActive() {
        return Enrolment.ACTIVE.equals(status);
    }
}
