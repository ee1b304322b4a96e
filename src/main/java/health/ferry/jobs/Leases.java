package health.ferry.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Claims and re-locks leased jobs for a queue, inside the caller's transaction. Leases are measured on the database's
 * clock, the one every instance shares: an instance whose own clock runs ahead or behind neither takes a live lease
 * early nor sets one that lasts longer or shorter than {@code lease} (security plan R14).
 */
@ApplicationScoped
public class Leases {
    @Inject
    EntityManager em;

    /**
     * The database's time ({@code current_timestamp}). On PostgreSQL and H2 it is the transaction's start and stays
     * the same through the transaction, so a claim that reads it and then selects with it is the same as a claim
     * that says {@code current_timestamp} in its own statement. Call it inside the transaction that writes the job.
     */
    public Instant now() {
        return (Instant) em.createNativeQuery("select current_timestamp", Instant.class).getSingleResult();
    }

    /**
     * Claims the next job due at the database's time ({@link #now()}) that no live lease holds; empty when none is.
     */
    public <J extends LeasedJob> Optional<J> claimNext(JobTable<J> table, String owner, Duration lease) {
        return claimNext(table, owner, now(), lease);
    }

    /**
     * Claims the next job due at {@code now} that no live lease holds, skipping rows another worker has locked (on
     * any instance), so concurrent workers never claim the same job; the lease then runs until {@code now + lease}.
     * {@code now} is {@link #now()}, or that moved forward where the caller runs a schedule ahead on purpose (tests).
     * The same statement runs on H2 2.4 and PostgreSQL.
     */
    public <J extends LeasedJob> Optional<J> claimNext(JobTable<J> table, String owner, Instant now, Duration lease) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select " + table.idColumn() + " from " + table.table()
                + " where state in ('queued', 'running') and run_after <= :now"
                + " and (lease_expires_at is null or lease_expires_at < :now)"
                + " order by run_after fetch first 1 rows only for update skip locked", UUID.class)
                .setParameter("now", now).getResultList();
        return ids.stream().findFirst().map(id -> {
            J job = em.find(table.type(), id);
            job.claim(owner, now, lease);
            return job;
        });
    }

    /** The job, row-locked for this transaction, while the claim of {@code owner} with {@code token} holds it. */
    public <J extends LeasedJob> Optional<J> held(JobTable<J> table, UUID id, String owner, int token) {
        return Optional.ofNullable(em.find(table.type(), id, LockModeType.PESSIMISTIC_WRITE))
                .filter(job -> job.heldBy(owner, token));
    }
}
