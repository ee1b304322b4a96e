package health.ferry.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Someone who signs in: identified by the token subject of the one IdP, never by username alone. */
@Entity
@Table(name = "account")
public class Account {
    @Id
    UUID id;
    @Column(nullable = false)
    String issuer;
    @Column(nullable = false)
    String subject;
    @Column(nullable = false)
    String username;
    @Column(name = "display_name", nullable = false)
    String displayName;
    String email;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    @Column(name = "last_sign_in_at", nullable = false)
    Instant lastSignInAt;

    protected Account() {
    }

    Account(String issuer, String subject, String username, String displayName, String email, Instant now) {
        this.id = UUID.randomUUID();
        this.issuer = issuer;
        this.subject = subject;
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.createdAt = now;
        this.lastSignInAt = now;
    }

    /** Keeps name and email in step with the IdP's latest token. */
    void refreshFromToken(String username, String displayName, String email, Instant now) {
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.lastSignInAt = now;
    }

    public UUID id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }
}
