package health.ferry.uploads;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class UploadJobRepository implements PanacheRepositoryBase<UploadJob, UUID> {
    /**
     * Locks the next due job that no live lease holds, skipping rows another worker has locked, so concurrent
     * workers (on any instance) never claim the same job. The same statement runs on H2 2.4 and PostgreSQL.
     */
    Optional<UploadJob> lockNextDue(Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery("select upload_id from upload_job"
                + " where state <> 'done' and run_after <= :now"
                + " and (lease_expires_at is null or lease_expires_at < :now)"
                + " order by run_after fetch first 1 rows only for update skip locked", UUID.class)
                .setParameter("now", now).getResultList();
        return ids.stream().findFirst().map(this::findById);
    }

    /** The job, row-locked for this transaction, while {@code claim} still holds it. */
    Optional<UploadJob> lockHeld(JobClaim claim) {
        return findByIdOptional(claim.uploadId(), LockModeType.PESSIMISTIC_WRITE).filter(job -> job.heldBy(claim));
    }
}
