package health.ferry.connections;

import health.ferry.accounts.PersonView;
import health.ferry.connections.spi.Authorization;
import health.ferry.connections.spi.ConnectorStep;
import health.ferry.connections.spi.PortalConnector;
import health.ferry.connections.spi.PortalMethod;
import health.ferry.connections.spi.PortalSetUpProblem;
import health.ferry.connections.spi.Profile;
import health.ferry.connections.spi.PortalUnavailable;
import health.ferry.outbound.OutboundRefused;
import health.ferry.connections.spi.SignInOutcome;
import health.ferry.connections.spi.SignInOutcome.Connected;
import health.ferry.connections.spi.SignInOutcome.Failed;
import health.ferry.directory.PortalConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * The SMART side of connections: sends the participant to the portal with a state bound to the connection (only
 * its hash is stored) and a sealed PKCE verifier, completes the return, and refreshes tokens once even when two
 * runs race (row lock; the rotated refresh token is saved before the new access token is used).
 */
@ApplicationScoped
class SmartAuthorizations {
    static final Duration STATE_LIFETIME = Duration.ofMinutes(10);

    @Inject
    ConnectorRegistry registry;
    @Inject
    ConnectionSecrets secrets;
    @Inject
    ConnectionRepository connections;
    @Inject
    ConnectionOutcomes outcomes;
    @Inject
    Portals portals;
    @Inject
    Clock clock;
    /** Whether the granted Patient is compared with the person being connected (issue 23, "Who is this?"). */
    @ConfigProperty(name = "ferry.connections.smart.patient-check", defaultValue = "true")
    boolean patientCheck;

    /** Starts (or restarts) authorisation; answers the portal address to send the participant to, or null. */
    String begin(Connection c, PortalConnection portal, URI callback) {
        return begin(c, portal, callback, false);
    }

    private String begin(Connection c, PortalConnection portal, URI callback, boolean minimalScopes) {
        PortalMethod method = registry.method(portal);
        PortalConnector connector = registry.of(method);
        try {
            Authorization auth = connector.authorize(method, callback, minimalScopes);
            secrets.put(c.id, ConnectionSecrets.PKCE, auth.codeVerifier());
            c.authorizing(hash(auth.state()), minimalScopes, clock.instant());
            return auth.authorizeUrl().toString();
        } catch (PortalUnavailable | CircuitBreakerOpenException | OutboundRefused | PortalSetUpProblem e) {
            Failed failed = connector.describe(e);
            if (failed.portalError() != null) {
                outcomes.setUpProblem(c, failed.portalError());
            } else {
                c.recordFailure(ConnectionFailure.fromCode(failed.failureCode()).orElseThrow(), null, clock.instant());
            }
            return null;
        }
    }

    /**
     * An authorisation not completed within the state's lifetime (the participant pressed Deny and the portal never
     * sent them back, or closed the tab) ends as authorization_declined, with Start again. Answers whether it did.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean expireIfStale(UUID connectionId) {
        Connection c = connections.findById(connectionId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || !stale(c)) {
            return false;
        }
        outcomes.applyTo(c, Failed.of(ConnectionFailure.AUTHORIZATION_DECLINED.code()));
        return true;
    }

    /** A SMART authorisation whose state has outlived {@link #STATE_LIFETIME}. */
    boolean stale(Connection c) {
        return c.status() == ConnectionStatus.AUTHORIZING && c.oauthStartedAt != null
                && !c.oauthStartedAt.plus(STATE_LIFETIME).isAfter(clock.instant());
    }

    /** The connection a returning state belongs to, if it is still waiting for it. */
    Optional<Connection> waitingFor(String state) {
        if (state == null || state.isBlank() || state.length() > 200) {
            return Optional.empty();
        }
        return connections.findByStateHash(hash(state)).filter(c -> c.status() == ConnectionStatus.AUTHORIZING)
                .filter(c -> c.oauthStartedAt.plus(STATE_LIFETIME).isAfter(clock.instant()));
    }

    /**
     * Completes the return from the portal: declined, or the code exchanged (with the verifier) for tokens. When
     * the portal refused the scopes Ferry asked for ({@code invalid_scope}), Ferry asks once more with only the
     * minimal set before calling it a set-up problem: the answer is then the portal address to send the
     * participant to again (else empty).
     */
    Optional<String> complete(Connection c, PersonView person, String code, String error, String errorDescription,
            URI callback) {
        SignInOutcome outcome;
        if ("invalid_scope".equals(error) && !c.askedMinimalScopes()) {
            String again = begin(c, portals.get(c.portalId), callback, true);
            if (again != null) {
                return Optional.of(again);
            }
            return Optional.empty(); // begin recorded why not (unavailable, set-up)
        }
        PortalMethod method = registry.method(c);
        PortalConnector connector = registry.of(method);
        boolean returned = error == null && code != null && !code.isBlank();
        String verifier = returned ? secrets.get(c.id, ConnectionSecrets.PKCE).orElse("") : null;
        try {
            outcome = connector.complete(method, new ConnectorStep.AuthorizationReturn(callback, code, verifier,
                    error, errorDescription));
        } catch (PortalUnavailable | CircuitBreakerOpenException | OutboundRefused | PortalSetUpProblem e) {
            outcome = connector.describe(e);
        }
        if (outcome instanceof Connected ok && patientCheck) {
            Optional<Profile> granted = connector.grantedPatient(method, ok.session());
            if (granted.isPresent() && !ConnectionViews.samePerson(granted.get(), person)) {
                outcomes.askAboutPatient(c, ok, granted.get());
                return Optional.empty();
            }
        }
        outcomes.applyTo(c, outcome);
        return Optional.empty();
    }

    /**
     * Refreshes a SMART connection's access under a row lock, so two racing runs refresh once: the second sees the
     * fresh tokens. A refused refresh moves the connection to reconnect_required. Answers the current session.
     *
     * @throws PortalUnavailable when the token endpoint cannot be reached or answers 5xx (after the connector's
     *         retries): nothing is wrong with the connection, the caller tries again later
     */
    @Transactional
    Optional<String> refresh(UUID connectionId, boolean force) {
        Connection c = connections.findById(connectionId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || c.status() != ConnectionStatus.CONNECTED) {
            return Optional.empty();
        }
        PortalMethod method = registry.method(c);
        PortalConnector connector = registry.of(method);
        if (!connector.authorizesAtPortal()) {
            return Optional.empty(); // nothing to refresh: Ferry signs in again with the kept details instead
        }
        String session = secrets.get(c.id, ConnectionSecrets.TOKENS).orElse("{}");
        if (!force && c.accessExpiresAt != null && c.accessExpiresAt.isAfter(clock.instant().plusSeconds(30))) {
            return Optional.of(session);
        }
        SignInOutcome outcome;
        try {
            outcome = connector.refresh(method, session);
        } catch (CircuitBreakerOpenException e) {
            throw new PortalUnavailable("circuit open", null);
        } catch (PortalSetUpProblem e) {
            // Discovery broke under a working connection: admins are told; the connection is kept and the run is
            // tried again later, as for an outage (it may be the portal's own passing mistake).
            outcomes.noteSetUpProblem(c.portalId, new SignInOutcome.PortalError(e.error(), e.description()));
            throw new PortalUnavailable("discovery unusable", null);
        } catch (OutboundRefused e) {
            outcome = Failed.of(ConnectionFailure.PORTAL_NOT_SUPPORTED.code());
        }
        outcomes.applyTo(c, outcome);
        return outcome instanceof Connected ok ? Optional.of(ok.session()) : Optional.empty();
    }

    static String hash(String state) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(state.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
