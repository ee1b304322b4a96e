package health.ferry.accounts;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class AccountRepository implements PanacheRepositoryBase<Account, UUID> {
    Optional<Account> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }
}
