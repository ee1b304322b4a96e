package health.ferry.connections;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.qute.i18n.Message;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The taxonomy is the contract's, and every failure has a plain message and one next step. */
class ConnectionFailureTest {
    @Test
    void codesAreExactlyTheContractsPlusTheSetUpError() {
        assertEquals(Set.of("credential_error", "two_factor_required", "multiple_profiles",
                "terms_acceptance_required", "password_change_required", "account_locked", "authorization_declined",
                "reconnect_required", "portal_unavailable", "portal_not_supported", "portal_pending",
                "too_many_attempts", "portal_setup_error", "patient_mismatch"),
                Stream.of(ConnectionFailure.values()).map(ConnectionFailure::code).collect(Collectors.toSet()));
    }

    @Test
    void everyFailureHasAMessageAndARemedyInTheBundle() throws Exception {
        for (ConnectionFailure f : ConnectionFailure.values()) {
            for (String key : new String[] {"failure_" + f.code(), "remedy_" + f.code()}) {
                Message m = assertDoesNotThrow(() -> ConnectionMessages.class.getMethod(key), key)
                        .getAnnotation(Message.class);
                assertFalse(m.value().isBlank(), key);
                assertFalse(m.value().matches("(?i).*(exception|oauth|http [0-9]|invalid_grant).*"),
                        key + " must not leak technical text");
            }
        }
    }

    @Test
    void statusFollowsTheContract() {
        assertEquals(ConnectionStatus.NOT_SUPPORTED, ConnectionFailure.PORTAL_NOT_SUPPORTED.status());
        assertEquals(ConnectionStatus.NOT_SUPPORTED, ConnectionFailure.PORTAL_SETUP_ERROR.status());
        assertEquals(ConnectionStatus.PENDING_PORTAL, ConnectionFailure.PORTAL_PENDING.status());
        assertEquals(ConnectionStatus.FAILED, ConnectionFailure.PORTAL_UNAVAILABLE.status());
        Stream.of(ConnectionFailure.values()).filter(ConnectionFailure::participantCanFix)
                .forEach(f -> assertEquals(ConnectionStatus.ACTION_REQUIRED, f.status(), f.code()));
    }
}
