package health.ferry.studies;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When each consent version of each study was first in force (table {@code study_consent_version}): recorded at
 * start for the versions the study files name, so a changed consent text is noticed the first time Ferry runs with
 * it. Idempotent, and safe for two instances starting together.
 */
@ApplicationScoped
class ConsentVersions {
    @Inject
    StudyCatalog catalog;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    @Transactional
    void recordAtStart(@Observes StartupEvent start) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        for (Study study : catalog.all()) {
            em.createNativeQuery("insert into study_consent_version (study_id, consent_version, since) values "
                    + "(?1, ?2, ?3) on conflict do nothing").setParameter(1, study.id())
                    .setParameter(2, study.consent().version()).setParameter(3, now).executeUpdate();
        }
    }

    /** Each recorded version of a study and when it came into force. */
    Map<String, Instant> of(String studyId) {
        Map<String, Instant> since = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select consent_version, since from study_consent_version "
                + "where study_id = ?1").setParameter(1, studyId).getResultList();
        for (Object[] row : rows) {
            since.put((String) row[0], instant(row[1]));
        }
        return since;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
