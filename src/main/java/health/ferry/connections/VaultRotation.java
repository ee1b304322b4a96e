package health.ferry.connections;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Key rotation without downtime, the re-wrapping half: every instance regularly moves stored secrets still sealed
 * under a retired key-encryption key onto the active one ({@code ferry.vault.active-key}), in small batches, each
 * row in its own short transaction under its row lock. Once the log reports nothing left on older keys the retired
 * key can be removed (docs/operations.md, "Rotating the vault key").
 */
@ApplicationScoped
class VaultRotation {
    private static final Logger LOG = Logger.getLogger(VaultRotation.class);
    private static final int BATCH = 200;

    @Inject
    ConnectionSecrets secrets;

    @Scheduled(every = "${ferry.vault.rewrap-every:10m}", delayed = "${ferry.vault.rewrap-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void rewrapOlderSecrets() {
        int changed = rewrap();
        if (changed > 0) {
            LOG.infof("vault: re-wrapped %d stored secrets onto the active key", changed);
        }
    }

    /** Re-wraps until no secret on an older key is left; how many this instance changed. */
    int rewrap() {
        int changed = 0;
        while (true) {
            List<ConnectionSecret.Key> batch = QuarkusTransaction.requiringNew().call(() -> secrets.onOlderKeys(BATCH));
            if (batch.isEmpty()) {
                return changed;
            }
            int before = changed;
            for (ConnectionSecret.Key key : batch) {
                if (QuarkusTransaction.requiringNew().call(() -> secrets.rewrap(key))) {
                    changed++;
                }
            }
            if (changed == before) {
                return changed; // another instance holds or took the rest
            }
        }
    }
}
