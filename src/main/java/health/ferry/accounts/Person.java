package health.ferry.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcType;
import org.hibernate.type.descriptor.jdbc.LocalDateJdbcType;

/** Someone whose records Ferry carries: the account owner themself, or a child or ward they represent. */
@Entity
@Table(name = "person")
public class Person {
    @Id
    UUID id;
    @Column(name = "account_id", nullable = false)
    UUID accountId;
    @Convert(converter = RelationshipConverter.class)
    @Column(nullable = false)
    Relationship relationship;
    @Column(name = "display_name", nullable = false)
    String displayName;
    @Column(name = "birth_date")
    /** Read and written as a LocalDate (JDBC 4.2), not through java.sql.Date, which shifts days before 1582. */
    @JdbcType(LocalDateJdbcType.class)
    LocalDate birthDate;
    @Column(name = "authority_attested_at")
    Instant authorityAttestedAt;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
    @Column(name = "removed_at")
    Instant removedAt;
    @Version
    int version;

    protected Person() {
    }

    private Person(UUID accountId, Relationship relationship, String displayName, LocalDate birthDate, Instant now) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.relationship = relationship;
        this.displayName = displayName;
        this.birthDate = birthDate;
        this.createdAt = now;
        this.updatedAt = now;
    }

    static Person self(Account owner, Instant now) {
        return new Person(owner.id, Relationship.SELF, owner.displayName, null, now);
    }

    static Person dependant(UUID accountId, WardDetails details, Instant now) {
        Person p = new Person(accountId, details.relationship(), details.displayName(), details.birthDate(), now);
        p.authorityAttestedAt = now;
        return p;
    }

    /** Applies new details; the self person keeps its relationship. */
    void update(WardDetails details, Instant now) {
        this.displayName = details.displayName();
        this.birthDate = details.birthDate();
        if (relationship != Relationship.SELF) {
            this.relationship = details.relationship();
            this.authorityAttestedAt = now;
        }
        this.updatedAt = now;
    }

    void remove(Instant now) {
        this.removedAt = now;
        this.updatedAt = now;
    }

    boolean isSelf() {
        return relationship == Relationship.SELF;
    }

    PersonView view() {
        return new PersonView(id, displayName, birthDate, relationship.code());
    }
}
