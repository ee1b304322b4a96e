package health.ferry.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.ferry.connections.credentials.VaultException;
import health.ferry.connections.spi.ConnectorStep;
import health.ferry.connections.spi.PortalConnector;
import health.ferry.connections.spi.PortalMethod;
import health.ferry.connections.spi.PortalUnavailable;
import health.ferry.connections.spi.SignInOutcome;
import health.ferry.connections.spi.SignInOutcome.Failed;
import health.ferry.jobs.DatabaseOutage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * Talks to credential portals in the background, after the request that asked has committed, and applies the
 * answer: connected, or a taxonomy failure. Connections left validating by a crash are picked up again.
 */
@ApplicationScoped
class ConnectionValidator {
    private static final Logger LOG = Logger.getLogger(ConnectionValidator.class);
    static final Duration STUCK_AFTER = Duration.ofMinutes(2);

    /** Propagates no context: a task must not join the (finished) transaction of the request that queued it. */
    private final ManagedExecutor executor = ManagedExecutor.builder().maxAsync(4)
            .propagated(ThreadContext.NONE).cleared(ThreadContext.ALL_REMAINING).build();
    @Inject
    ConnectionRepository connections;
    @Inject
    ConnectionSecrets secrets;
    @Inject
    ConnectorRegistry registry;
    @Inject
    AttemptLimiter attempts;
    @Inject
    ConnectionOutcomes outcomes;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    DatabaseOutage outage;

    @jakarta.annotation.PreDestroy
    void stop() {
        executor.shutdown();
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ValidationRequested request) {
        executor.runAsync(() -> run(request));
    }

    /** Runs one validation step; safe to run twice (a second run signs in again and lands in the same state). */
    void run(ValidationRequested request) {
        try {
            Work work = QuarkusTransaction.requiringNew().call(() -> load(request.connectionId(), request.step()));
            if (work == null) {
                return;
            }
            SignInOutcome outcome;
            if (work.unreadable) {
                // The stored secret does not open (tampered, or its key retired): ask for the details again.
                outcome = Failed.of(ConnectionFailure.CREDENTIAL_ERROR.code());
            } else {
                AttemptLimiter.Key key = attempts.key(work.personId, work.portalId, work.username);
                java.util.Optional<java.time.Instant> until = attempts.coolingDownUntil(key);
                if (until.isPresent()) {
                    outcome = Failed.of(ConnectionFailure.TOO_MANY_ATTEMPTS.code());
                    attempts.recordCoolDown(key, work.personId, request.connectionId(), until.get());
                } else {
                    outcome = call(work, request);
                    attempts.record(key, work.personId, request.connectionId(), attempt(outcome, request.step()));
                }
            }
            settle(request, outcome);
        } catch (RuntimeException e) {
            if (outage.failed("connection-validator", e)) {
                return; // nothing can be written now: still validating, resumed by resumeStuck once it is back
            }
            LOG.errorf("Validation of connection %s failed: %s at %s", request.connectionId(), e.getClass().getName(),
                    e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
            settle(request, Failed.of(ConnectionFailure.PORTAL_UNAVAILABLE.code()));
        }
    }

    /** New details for a working connection are settled apart: a refusal leaves the connection as it was. */
    private void settle(ValidationRequested request, SignInOutcome outcome) {
        if (request.step() == ValidationRequested.Step.UPDATE) {
            outcomes.applyUpdate(request.connectionId(), outcome);
        } else {
            outcomes.apply(request.connectionId(), outcome);
        }
    }

    /** Every minute: connections left validating (an instance died mid-way) are validated again. */
    @Scheduled(every = "60s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resumeStuck() {
        outage.poll("connection-validator", () -> {
            var stuck = QuarkusTransaction.requiringNew().call(() -> connections.findStuckValidating(
                    clock.instant().minus(STUCK_AFTER)));
            stuck.forEach(id -> run(new ValidationRequested(id, ValidationRequested.Step.SIGN_IN, null)));
            var updates = QuarkusTransaction.requiringNew().call(() -> connections.findStuckUpdates(
                    clock.instant().minus(STUCK_AFTER)));
            updates.forEach(id -> run(new ValidationRequested(id, ValidationRequested.Step.UPDATE, null)));
        });
    }

    private SignInOutcome call(Work work, ValidationRequested request) {
        PortalConnector connector = registry.of(work.method);
        try {
            return connector.complete(work.method, switch (request.step()) {
                case SIGN_IN, UPDATE -> new ConnectorStep.SignIn(work.username, work.password);
                case SECOND_FACTOR -> new ConnectorStep.SecondFactor(work.challenge, request.answer());
                case PROFILE -> new ConnectorStep.ProfileChoice(work.challenge, request.answer());
            });
        } catch (PortalUnavailable | CircuitBreakerOpenException | health.ferry.outbound.OutboundRefused e) {
            // Unreachable: portal_unavailable; an address Ferry may not reach: portal_not_supported (set-up).
            return connector.describe(e);
        }
    }

    private Work load(UUID id, ValidationRequested.Step step) {
        Connection c = connections.findById(id);
        boolean update = step == ValidationRequested.Step.UPDATE;
        if (c == null || (update ? c.status() != ConnectionStatus.CONNECTED || c.updateCheckingSince == null
                : c.status() != ConnectionStatus.VALIDATING)) {
            return null;
        }
        Work w = new Work();
        w.personId = c.personId;
        w.portalId = c.portalId;
        w.method = registry.method(c);
        String creds;
        try {
            w.challenge = secrets.get(id, ConnectionSecrets.CHALLENGE).orElse(null);
            creds = secrets.get(id, update ? ConnectionSecrets.CANDIDATE : ConnectionSecrets.CREDENTIALS)
                    .orElse("{}");
        } catch (VaultException e) {
            w.unreadable = true;
            return w;
        }
        try {
            JsonNode node = json.readTree(creds);
            w.username = node.path("username").asText("");
            w.password = node.path("password").asText("");
        } catch (IOException e) {
            w.username = "";
            w.password = "";
        }
        return w;
    }

    /**
     * What the attempt counts as: a refused password ({@code credential_error}) or a refused one-time code
     * ({@code wrong_code}: the portal asks for the code again after one was sent) are failures; a prompt for a code,
     * terms, a profile or a password change waits for the participant and is not.
     */
    static String attempt(SignInOutcome outcome, ValidationRequested.Step step) {
        if (!(outcome instanceof Failed f)) {
            return "connected";
        }
        boolean codeRefused = step == ValidationRequested.Step.SECOND_FACTOR
                && ConnectionFailure.TWO_FACTOR_REQUIRED.code().equals(f.failureCode());
        return codeRefused ? AttemptLimiter.WRONG_CODE : f.failureCode();
    }

    /** What one run needs, read in its own short transaction. Holds a password: no toString. */
    private static final class Work {
        UUID personId;
        UUID portalId;
        PortalMethod method;
        String username;
        String password;
        String challenge;
        boolean unreadable;

        @Override
        public String toString() {
            return "Work[" + portalId + "]";
        }
    }
}
