package health.ferry.studies;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An enrolment as the API contract shows it ({@code status}, {@code withdrawnAt}, {@code sharedCategories} and
 * {@code reconsentRequired}, {@code lastExportedAt} extend the contract). {@code sharedCategories}: the category codes shared with the
 * study; {@code reconsentRequired}: the study's consent changed since this enrolment's version (active only);
 * {@code lastExportedAt}: when the study last exported the person's records (null: never).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnrolmentView(UUID id, String studyId, UUID personId, String consentVersion, Instant enrolledAt,
        String status, Instant withdrawnAt, List<String> sharedCategories, Boolean reconsentRequired,
        Instant lastExportedAt) {
    @JsonIgnore
    public boolean shares(String category) {
        return sharedCategories != null && sharedCategories.contains(category);
    }

    @JsonIgnore
    public boolean mustReconsent() {
        return Boolean.TRUE.equals(reconsentRequired);
    }

    @JsonIgnore
    public boolean isActive() {
        return Enrolment.ACTIVE.equals(status);
    }
}
