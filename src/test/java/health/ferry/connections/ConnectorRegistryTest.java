package health.ferry.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.connections.credentials.CredentialConnector;
import health.ferry.connections.smart.SmartConfidentialClient;
import health.ferry.connections.smart.SmartPublicClient;
import health.ferry.connections.spi.ConnectorStep;
import health.ferry.connections.spi.FhirAccess;
import health.ferry.connections.spi.PortalConnector;
import health.ferry.connections.spi.PortalMethod;
import health.ferry.connections.spi.PortalSetUpProblem;
import health.ferry.connections.spi.PortalUnavailable;
import health.ferry.connections.spi.SignInOutcome;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The connector SPI: each portal's connection method and Ferry's registration there pick one connector, and a new
 * connector class ({@link PagerConnector} below, a bean and nothing more) is picked up with no other change. Runs
 * with the confidential registrations of {@link StrictSmartConfidentialTest} (same Quarkus application).
 */
@QuarkusTest
@TestProfile(StrictSmartConfidentialTest.Registrations.class)
class ConnectorRegistryTest {
    @Inject
    ConnectorRegistry registry;

    @Test
    void aCredentialPortalIsSignedInToWithStoredCredentials() {
        PortalConnector c = registry.of(new PortalMethod(PortalMethod.CREDENTIALS, null,
                URI.create("http://localhost/sandbox/api/sign-in")));
        assertInstanceOf(CredentialConnector.class, unproxied(c));
        assertFalse(c.authorizesAtPortal());
    }

    @Test
    void aSmartPortalWithoutARegistrationIsAPublicClient() {
        PortalConnector c = registry.of(smart(URI.create("http://localhost:9/fhir")));
        assertInstanceOf(SmartPublicClient.class, unproxied(c));
        assertTrue(c.authorizesAtPortal());
    }

    @Test
    void aSmartPortalWithASecretOrAKeyIsAConfidentialClient() {
        int secret = StrictSmartConfidentialTest.Registrations.SECRET_PORT;
        int rsa = StrictSmartConfidentialTest.Registrations.RSA_PORT;
        int ec = StrictSmartConfidentialTest.Registrations.EC_PORT;
        for (int port : new int[] {secret, rsa, ec}) {
            PortalConnector c = registry.of(smart(URI.create("http://localhost:" + port + "/fhir")));
            assertInstanceOf(SmartConfidentialClient.class, unproxied(c), "port " + port);
        }
    }

    @Test
    void aNewConnectorClassIsPickedUpWithNoOtherChange() {
        PortalMethod pager = new PortalMethod(PagerConnector.METHOD, URI.create("https://pager.example.org/fhir"),
                null);
        PortalConnector c = registry.of(pager);
        assertInstanceOf(PagerConnector.class, unproxied(c));
        SignInOutcome outcome = c.complete(pager, new ConnectorStep.SignIn("erin", "correct horse"));
        SignInOutcome.Connected connected = assertInstanceOf(SignInOutcome.Connected.class, outcome);
        FhirAccess access = c.open(pager, connected.session()).orElseThrow();
        assertEquals(pager.fhirBase(), access.fhirBase());
        assertEquals("erin", access.patientId());
    }

    @Test
    void aMethodNoConnectorServesIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> registry.of(new PortalMethod("carrier-pigeon", null, null)));
        assertTrue(e.getMessage().contains("no connector for connection method carrier-pigeon"), e.getMessage());
    }

    @Test
    void everyConnectorDescribesPortalFailuresInTheTaxonomy() {
        PortalConnector c = registry.of(smart(URI.create("http://localhost:9/fhir")));
        assertEquals("portal_unavailable", c.describe(new PortalUnavailable("down", null)).failureCode());
        assertEquals("portal_not_supported", c.describe(new health.ferry.outbound.OutboundRefused(
                "127.0.0.1", health.ferry.outbound.AddressRules.Refusal.LOOPBACK)).failureCode());
        SignInOutcome.Failed setUp = c.describe(new PortalSetUpProblem("invalid_client", "unknown client"));
        assertEquals("portal_setup_error", setUp.failureCode());
        assertEquals("unknown client", setUp.portalError().description());
        assertThrows(IllegalArgumentException.class, () -> c.describe(new IllegalArgumentException("a bug")));
    }

    private static PortalMethod smart(URI fhirBase) {
        return new PortalMethod(PortalMethod.SMART, fhirBase, null);
    }

    /** The bean behind a client proxy. */
    private static Object unproxied(PortalConnector c) {
        return c instanceof io.quarkus.arc.ClientProxy proxy ? proxy.arc_contextualInstance() : c;
    }

    /**
     * A connection method of its own, added as one class: a pager service that answers a sign-in with a session
     * for the user's own chart. Nothing else in Ferry names it.
     */
    @ApplicationScoped
    static class PagerConnector implements PortalConnector {
        static final String METHOD = "pager";

        @Override
        public boolean connects(PortalMethod portal) {
            return METHOD.equals(portal.connectionMethod());
        }

        @Override
        public boolean authorizesAtPortal() {
            return false;
        }

        @Override
        public SignInOutcome complete(PortalMethod portal, ConnectorStep step) {
            if (step instanceof ConnectorStep.SignIn s && !s.password().isBlank()) {
                return new SignInOutcome.Connected("{\"patient\":\"" + s.username() + "\"}", null);
            }
            return SignInOutcome.Failed.of(ConnectionFailure.CREDENTIAL_ERROR.code());
        }

        @Override
        public SignInOutcome refresh(PortalMethod portal, String session) {
            return SignInOutcome.Failed.of(ConnectionFailure.RECONNECT_REQUIRED.code());
        }

        @Override
        public Optional<FhirAccess> open(PortalMethod portal, String session) {
            String patient = session.replaceAll(".*\"patient\":\"([^\"]*)\".*", "$1");
            return Optional.of(new FhirAccess(portal.fhirBase(), patient, "pager-token"));
        }
    }
}
