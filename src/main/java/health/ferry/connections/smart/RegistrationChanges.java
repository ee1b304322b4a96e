package health.ferry.connections.smart;

import health.ferry.accounts.CurrentAccount;
import health.ferry.directory.PortalConnection;
import health.ferry.directory.PortalDirectory;
import health.ferry.outcome.Outcome;
import health.ferry.outcome.OutcomeException;
import health.ferry.outcome.OutcomeException.FieldError;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Admins create, replace and remove Ferry's client registrations (per portal or per brand). A secret is sealed by
 * the vault on the way in and never answered; a replaced or removed registration's secret row is deleted.
 */
@ApplicationScoped
public class RegistrationChanges {
    static final String BRAND = "[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?";

    @Inject
    RegistrationRows rows;
    @Inject
    ClientSecrets secrets;
    @Inject
    SigningKeys keys;
    @Inject
    PortalDirectory directory;
    @Inject
    Clock clock;

    /** What an admin enters: the secret only for client_secret_basic, the kid only for private_key_jwt. */
    public record RegistrationInput(String clientId, String authMethod, String secret, String keyId) {
        @Override
        public String toString() {
            return "RegistrationInput[" + clientId + ", " + authMethod + "]";
        }
    }

    /** A registration as admins see it: whether a secret is stored, never the secret. */
    public record RegistrationView(UUID id, UUID portalId, String portalName, String brand, String clientId,
            String authMethod, boolean secretStored, String keyId, Instant updatedAt) {
    }

    /** Every registration: portals' first, then brands'. */
    @Transactional
    public List<RegistrationView> list() {
        return rows.listAllInOrder().stream().map(this::view).toList();
    }

    @Transactional
    public RegistrationView putForPortal(String portalId, RegistrationInput input) {
        PortalConnection portal = portal(portalId);
        ClientRegistration row = rows.findByPortal(portal.portalId())
                .orElseGet(() -> new ClientRegistration(portal.portalId(), null));
        return put(row, input);
    }

    @Transactional
    public RegistrationView putForBrand(String brand, RegistrationInput input) {
        String code = brand(brand);
        return put(rows.findByBrand(code).orElseGet(() -> new ClientRegistration(null, code)), input);
    }

    /** Removes the portal's registration, if it has one (removing twice changes nothing). */
    @Transactional
    public void removeForPortal(String portalId) {
        remove(rows.findByPortal(portal(portalId).portalId()));
    }

    @Transactional
    public void removeForBrand(String brand) {
        remove(rows.findByBrand(brand(brand)));
    }

    private PortalConnection portal(String portalId) {
        return directory.connection(CurrentAccount.parse(portalId)).orElseThrow(OutcomeException::notFound);
    }

    private static String brand(String brand) {
        if (brand == null || !brand.matches(BRAND)) {
            throw OutcomeException.invalid("brand", messages().error_brand());
        }
        return brand;
    }

    private RegistrationView put(ClientRegistration row, RegistrationInput input) {
        RegistrationInput in = input == null ? new RegistrationInput(null, null, null, null) : input;
        boolean hadSecret = row.secretId != null;
        Optional<AuthMethod> method = AuthMethod.of(in.authMethod());
        List<FieldError> errors = validate(in, method, hadSecret);
        if (!errors.isEmpty()) {
            throw new OutcomeException(Outcome.VALIDATION_FAILED, messages().not_saved(), errors);
        }
        UUID oldSecret = row.secretId;
        UUID secret = null;
        if (method.get() == AuthMethod.CLIENT_SECRET_BASIC) {
            secret = blank(in.secret()) ? oldSecret : secrets.seal(in.secret());
        }
        boolean fresh = row.updatedAt == null;
        row.replace(in.clientId().strip(), method.get(), secret,
                method.get() == AuthMethod.PRIVATE_KEY_JWT ? in.keyId().strip() : null, clock.instant());
        if (fresh) {
            rows.persist(row);
        }
        if (oldSecret != null && !oldSecret.equals(secret)) {
            rows.flush(); // the row no longer refers to the old secret before it goes
            secrets.deleteById(oldSecret);
        }
        return view(row);
    }

    private List<FieldError> validate(RegistrationInput in, Optional<AuthMethod> method, boolean hadSecret) {
        RegistrationMessages m = messages();
        List<FieldError> errors = new ArrayList<>();
        if (blank(in.clientId())) {
            errors.add(new FieldError("clientId", m.error_client_missing()));
        } else if (in.clientId().strip().length() > 255 || in.clientId().chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("clientId", m.error_client_long()));
        }
        if (method.isEmpty()) {
            errors.add(new FieldError("authMethod", m.error_method()));
        }
        boolean basic = method.orElse(null) == AuthMethod.CLIENT_SECRET_BASIC;
        boolean jwt = method.orElse(null) == AuthMethod.PRIVATE_KEY_JWT;
        if (basic && blank(in.secret()) && !hadSecret) {
            errors.add(new FieldError("secret", m.error_secret_missing()));
        } else if (basic && in.secret() != null && in.secret().length() > 1000) {
            errors.add(new FieldError("secret", m.error_secret_long()));
        } else if (method.isPresent() && !basic && !blank(in.secret())) {
            errors.add(new FieldError("secret", m.error_secret_unused()));
        }
        if (jwt && blank(in.keyId())) {
            errors.add(new FieldError("keyId", m.error_key_missing()));
        } else if (jwt && !keys.current(in.keyId().strip())) {
            errors.add(new FieldError("keyId", m.error_key_unknown()));
        } else if (method.isPresent() && !jwt && !blank(in.keyId())) {
            errors.add(new FieldError("keyId", m.error_key_unused()));
        }
        return errors;
    }

    private void remove(Optional<ClientRegistration> row) {
        row.ifPresent(r -> {
            UUID secret = r.secretId;
            rows.delete(r);
            if (secret != null) {
                rows.flush();
                secrets.deleteById(secret);
            }
        });
    }

    private RegistrationView view(ClientRegistration r) {
        String name = r.portalId == null ? null
                : directory.connection(r.portalId).map(PortalConnection::name).orElse(null);
        return new RegistrationView(r.id, r.portalId, name, r.brand, r.clientId, r.authMethod, r.secretId != null,
                r.keyId, r.updatedAt);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static RegistrationMessages messages() {
        return MessageBundles.get(RegistrationMessages.class);
    }
}
