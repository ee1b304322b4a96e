package health.ferry.uploads;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class UploadRepository implements PanacheRepositoryBase<Upload, UUID> {
    Optional<Upload> findByIdempotencyKey(UUID accountId, String key) {
        return find("uploadedBy = ?1 and idempotencyKey = ?2", accountId, key).firstResultOptional();
    }

    /** An earlier upload of the same content for the same person and study that still counts (not failed). */
    Optional<Upload> findSameContent(String studyId, UUID personId, String contentSha256) {
        return find("studyId = ?1 and personId = ?2 and duplicateKey = ?3", studyId, personId, contentSha256)
                .firstResultOptional();
    }

    long countReceivedSince(UUID personId, Instant since) {
        return count("personId = ?1 and receivedAt > ?2", personId, since);
    }

    List<Upload> findByPerson(UUID personId) {
        return list("personId = ?1 order by receivedAt desc", personId);
    }

    /** A study's uploads, oldest first (the review queue's order). */
    List<Upload> findByStudy(String studyId) {
        return list("studyId = ?1 order by receivedAt, id", studyId);
    }

    /** The ids of the uploads made for a study, by person: records read from them belong to this study only. */
    java.util.Map<java.util.UUID, java.util.Set<java.util.UUID>> idsByPerson(String studyId) {
        return findByStudy(studyId).stream().collect(java.util.stream.Collectors.groupingBy(u -> u.personId,
                java.util.stream.Collectors.mapping(u -> u.id, java.util.stream.Collectors.toSet())));
    }
}
