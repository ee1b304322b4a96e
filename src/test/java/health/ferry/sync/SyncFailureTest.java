package health.ferry.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.connections.ConnectionFailure;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A sync run and its connection name a shared failure with one code; the sync's own codes are distinct. */
class SyncFailureTest {
    @Test
    void sharedFailuresCarryTheConnectionsCode() {
        assertEquals(ConnectionFailure.RECONNECT_REQUIRED.code(), SyncFailure.RECONNECT_REQUIRED.code());
        assertEquals(ConnectionFailure.PORTAL_UNAVAILABLE.code(), SyncFailure.PORTAL_UNAVAILABLE.code());
        assertEquals(ConnectionFailure.PORTAL_NOT_SUPPORTED.code(), SyncFailure.PORTAL_NOT_SUPPORTED.code());
        for (SyncFailure f : SyncFailure.values()) {
            f.connectionFailure().ifPresent(c -> assertEquals(c.code(), f.code(), f.name()));
        }
    }

    @Test
    void theSyncsOwnCodesAreNoConnectionFailure() {
        assertEquals("invalid_response", SyncFailure.INVALID_RESPONSE.code());
        assertEquals("internal_error", SyncFailure.INTERNAL_ERROR.code());
        for (SyncFailure f : SyncFailure.values()) {
            if (f.connectionFailure().isEmpty()) {
                assertTrue(ConnectionFailure.fromCode(f.code()).isEmpty(), f.code());
            }
        }
    }

    @Test
    void codesAreUniqueAndReadBack() {
        assertEquals(SyncFailure.values().length,
                Arrays.stream(SyncFailure.values()).map(SyncFailure::code).collect(Collectors.toSet()).size());
        for (SyncFailure f : SyncFailure.values()) {
            assertEquals(Optional.of(f), SyncFailure.fromCode(f.code()));
        }
        assertEquals(Optional.empty(), SyncFailure.fromCode("no_such_code"));
    }

    @Test
    void onlyTransientFailuresAreRetriedAndOnlyCutRunsStayUnfinished() {
        assertTrue(SyncFailure.PORTAL_UNAVAILABLE.retryable());
        assertTrue(SyncFailure.INTERNAL_ERROR.retryable());
        assertFalse(SyncFailure.RECONNECT_REQUIRED.retryable());
        assertFalse(SyncFailure.INVALID_RESPONSE.retryable());
        assertTrue(SyncFailure.LEASE_LOST.unfinished());
        assertTrue(SyncFailure.DATABASE_UNAVAILABLE.unfinished());
        assertFalse(SyncFailure.PORTAL_UNAVAILABLE.unfinished());
    }
}
