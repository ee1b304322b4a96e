package health.ferry.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.AfterCompletionCallback;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;
import org.jboss.logging.Logger;

/**
 * The audit trail's hash chain (security plan S8). Entries are chained when their transaction commits: after Hibernate
 * has flushed the transaction's own changes, the one-row {@code audit_chain_head} is locked ({@code FOR UPDATE}), the
 * entries take the next places after it, are inserted, and the head moves to the last one. The lock is held only
 * from there to the commit and the holder waits for nothing else, so writers (on any instance sharing the database)
 * queue briefly and never deadlock or fork the chain; a rolled-back transaction leaves neither rows nor a gap.
 * After the commit each entry is also written as one line to the log category {@code ferry.audit} (ids, codes and
 * its hash; no names, usernames or addresses), which the log pipeline ships off the host.
 */
@ApplicationScoped
public class AuditChain {
    /** The hash before the first chained row. */
    static final String GENESIS = "0".repeat(64);
    static final int PAGE = 1000;
    private static final Logger LOG = Logger.getLogger(AuditChain.class);
    private static final Logger SHIPPED = Logger.getLogger("ferry.audit");

    @Inject
    AuditRepository entries;
    @Inject
    TransactionSynchronizationRegistry transactions;

    /** What a verification found: {@code checked} chained rows; {@code firstBroken} is null when {@code ok}. */
    public record Verification(boolean ok, long checked, long unchained, BrokenLink firstBroken) {
    }

    /**
     * The first place where the chain does not hold. {@code problem}: {@code hash_mismatch} (the row's fields were
     * changed: expected is the hash they give now, found the stored one), {@code prev_hash_mismatch} (expected is the
     * previous row's hash), {@code seq_gap} (a row before this one is missing: expected is the place that should
     * follow), {@code head_mismatch} (rows at the end are missing or the head was moved; no row id) or
     * {@code unchained_rows} (rows without a place were added or removed; no row id).
     */
    public record BrokenLink(String id, Long seq, String problem, String expected, String found) {
    }

    /** Queues the entry to be chained and inserted when the current transaction commits (one is required). */
    void append(AuditEntry entry) {
        Pending pending = (Pending) transactions.getResource(Pending.class);
        if (pending == null) {
            pending = new Pending();
            transactions.putResource(Pending.class, pending);
            SharedSessionContractImplementor session = entries.getEntityManager()
                    .unwrap(SharedSessionContractImplementor.class);
            session.getTransactionCompletionCallbacks().registerCallback((BeforeCompletionCallback) pending);
            session.getTransactionCompletionCallbacks().registerCallback((AfterCompletionCallback) pending);
        }
        pending.entries.add(entry);
    }

    /** One transaction's entries; chained just before it commits, logged after. */
    private static final class Pending implements BeforeCompletionCallback, AfterCompletionCallback {
        final List<AuditEntry> entries = new ArrayList<>();

        @Override
        public void doBeforeTransactionCompletion(SharedSessionContractImplementor s) {
            Session session = (Session) s;
            Object[] head = (Object[]) session.createNativeQuery(
                    "select seq, hash from audit_chain_head where id = 1 for update", Object[].class)
                    .getSingleResult();
            long seq = ((Number) head[0]).longValue();
            String hash = (String) head[1];
            for (AuditEntry entry : entries) {
                entry.link(++seq, hash);
                hash = entry.hash;
                session.persist(entry);
            }
            session.flush();
            session.createNativeMutationQuery("update audit_chain_head set seq = ?1, hash = ?2 where id = 1")
                    .setParameter(1, seq).setParameter(2, hash).executeUpdate();
        }

        @Override
        public void doAfterTransactionCompletion(boolean committed, SharedSessionContractImplementor session) {
            if (committed) {
                entries.forEach(AuditChain::ship);
            }
        }
    }

    private static void ship(AuditEntry e) {
        SHIPPED.infof("audit seq=%d hash=%s prev=%s id=%s at=%s action=%s outcome=%s actor=%s role=%s subject=%s "
                + "object=%s:%s study=%s", e.seq, e.hash, e.prevHash, e.id, e.at, e.action, e.outcome, e.actorId,
                e.actorRole, e.subjectPerson, e.objectType, e.objectId, e.studyId);
    }

    /**
     * Walks the chain from its first row to the head, a page at a time, and reports the first broken link. Rows
     * appended while it runs are left for the next verification.
     */
    public Verification verify() {
        Object[] head = QuarkusTransaction.requiringNew().call(() -> (Object[]) entries.getEntityManager()
                .createNativeQuery("select seq, hash, unchained_rows from audit_chain_head where id = 1",
                        Object[].class).getSingleResult());
        long headSeq = ((Number) head[0]).longValue();
        long unchained = QuarkusTransaction.requiringNew().call(() -> entries.count("seq is null"));
        long expectedUnchained = ((Number) head[2]).longValue();
        long seq = 0;
        String hash = GENESIS;
        long checked = 0;
        while (seq < headSeq) {
            long after = seq;
            List<AuditEntry> page = QuarkusTransaction.requiringNew().call(() -> entries
                    .find("seq > ?1 and seq <= ?2 order by seq", after, headSeq).page(0, PAGE).list());
            if (page.isEmpty()) {
                break;
            }
            for (AuditEntry row : page) {
                BrokenLink broken = check(row, seq, hash);
                if (broken != null) {
                    return new Verification(false, checked, unchained, broken);
                }
                seq = row.seq;
                hash = row.hash;
                checked++;
            }
        }
        if (seq != headSeq || !hash.equals(head[1])) {
            return new Verification(false, checked, unchained, new BrokenLink(null, null, "head_mismatch",
                    headSeq + " " + head[1], seq + " " + hash));
        }
        if (unchained != expectedUnchained) {
            return new Verification(false, checked, unchained, new BrokenLink(null, null, "unchained_rows",
                    String.valueOf(expectedUnchained), String.valueOf(unchained)));
        }
        return new Verification(true, checked, unchained, null);
    }

    private static BrokenLink check(AuditEntry row, long previousSeq, String previousHash) {
        String id = row.id.toString();
        if (row.seq != previousSeq + 1) {
            return new BrokenLink(id, row.seq, "seq_gap", String.valueOf(previousSeq + 1), String.valueOf(row.seq));
        }
        if (!previousHash.equals(row.prevHash)) {
            return new BrokenLink(id, row.seq, "prev_hash_mismatch", previousHash, row.prevHash);
        }
        String computed = row.computeHash();
        if (!computed.equals(row.hash)) {
            return new BrokenLink(id, row.seq, "hash_mismatch", computed, row.hash);
        }
        return null;
    }

    /** The daily check: an ERROR (row id and place only) when the chain is broken, so monitoring can alert. */
    @Scheduled(identity = "audit-chain-verify", cron = "${ferry.audit.verify-cron:0 30 3 * * ?}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void verifyDaily() {
        Verification v = verify();
        if (v.ok()) {
            LOG.infof("Audit chain verified: %d chained rows, %d from before the chain", v.checked(), v.unchained());
        } else {
            BrokenLink b = v.firstBroken();
            LOG.errorf("Audit chain broken: %s at row %s (seq %s) after %d intact rows; see docs/security.md, Audit",
                    b.problem(), b.id(), b.seq(), v.checked());
        }
    }
}
