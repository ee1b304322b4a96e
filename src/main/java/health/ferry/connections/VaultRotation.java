package health.ferry.connections;

import health.ferry.connections.credentials.CredentialVault;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
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
    @Inject
    MeterRegistry registry;
    @Inject
    CredentialVault vault;
    @Inject
    health.ferry.jobs.DatabaseOutage outage;
    @Inject
    health.ferry.connections.smart.ClientSecrets clientSecrets;

    /** {@code ferry_vault_secrets_not_on_active_key}: 0 means a retired key may be removed. */
    void register(@Observes StartupEvent start) {
        Gauge.builder("ferry.vault.secrets.not.on.active.key", this, VaultRotation::left)
                .description("Stored secrets still sealed under a key other than ferry.vault.active-key")
                .register(registry);
    }

    private double left() {
        return QuarkusTransaction.requiringNew().call(() -> secrets.count("keyId <> ?1", vault.activeKey())
                + clientSecrets.countOnOlderKeys());
    }

    @Scheduled(every = "${ferry.vault.rewrap-every:10m}", delayed = "${ferry.vault.rewrap-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void rewrapOlderSecrets() {
        outage.poll("vault-rotation", () -> {
            int changed = rewrap();
            if (changed > 0) {
                LOG.infof("vault: re-wrapped %d stored secrets onto the active key", changed);
            }
        });
    }

    /** Re-wraps until no secret on an older key is left (portal client secrets too); how many this instance changed. */
    int rewrap() {
        int changed = rewrapClientSecrets();
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

    /** Ferry's client secrets at portals (few: one per registration), each in its own transaction. */
    private int rewrapClientSecrets() {
        int changed = 0;
        for (java.util.UUID id : QuarkusTransaction.requiringNew().call(() -> clientSecrets.onOlderKeys(BATCH))) {
            if (QuarkusTransaction.requiringNew().call(() -> clientSecrets.rewrap(id))) {
                changed++;
            }
        }
        return changed;
    }
}
