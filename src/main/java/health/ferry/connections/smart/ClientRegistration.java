package health.ferry.connections.smart;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Ferry's registration at one portal, or at every portal of one brand (EHR vendor): the client id and how Ferry
 * authenticates; a secret only as a reference to its sealed row, a signing key only by its kid. No toString.
 */
@Entity
@Table(name = "client_registration")
class ClientRegistration {
    @Id
    UUID id;
    @Column(name = "portal_id")
    UUID portalId;
    @Column(name = "brand")
    String brand;
    @Column(name = "client_id", nullable = false)
    String clientId;
    @Column(name = "auth_method", nullable = false)
    String authMethod;
    @Column(name = "secret_id")
    UUID secretId;
    @Column(name = "key_id")
    String keyId;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected ClientRegistration() {
    }

    ClientRegistration(UUID portalId, String brand) {
        this.id = UUID.randomUUID();
        this.portalId = portalId;
        this.brand = brand;
    }

    AuthMethod method() {
        return AuthMethod.of(authMethod).orElseThrow();
    }

    /** Replaces what the registration says; the caller has sealed the secret (when there is one) beforehand. */
    void replace(String clientId, AuthMethod method, UUID secretId, String keyId, Instant now) {
        this.clientId = clientId;
        this.authMethod = method.code();
        this.secretId = secretId;
        this.keyId = keyId;
        this.updatedAt = now;
    }

    @Override
    public String toString() {
        return "ClientRegistration[" + id + ", " + authMethod + "]";
    }
}
