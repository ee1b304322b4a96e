package health.ferry.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Discovery is cached per FHIR base for its TTL, and Ferry speaks plain HTTP/1.1 to portals (no h2c probe). */
@QuarkusTest
class StrictSmartDiscoveryTest extends StrictPortalTest {
    @Inject
    PortalAccess access;

    @Test
    void discoveryIsFetchedOncePerHourNotBeforeEveryCall() {
        UUID id = UUID.fromString(portal.connected()); // authorize and the code exchange
        assertTrue(access.open(id).isPresent()); // a refresh (the access token lasts 5 s)
        assertTrue(access.open(id).isPresent());
        assertEquals(3, server.tokenRequests.get());
        assertEquals(1, server.discoveries.get(), "one discovery for authorize, exchange and two refreshes");
        QuarkusMock.installMockForType(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(61)), Clock.class);
        assertTrue(access.open(id).isPresent());
        assertEquals(2, server.discoveries.get(), "fetched again after its hour");
    }

    @Test
    void portalsAreSpokenToInHttp11WithoutAnH2cUpgradeProbe() {
        UUID id = UUID.fromString(portal.connected());
        assertTrue(access.open(id).isPresent());
        assertTrue(server.discoveries.get() > 0 && server.tokenRequests.get() > 0);
        assertEquals(java.util.List.of(), server.upgrades);
    }
}
