package health.ferry.connections.smart;

import health.ferry.connections.spi.PortalSetUpProblem;
import health.ferry.outcome.Outcome;
import health.ferry.outcome.OutcomeException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The private keys Ferry signs client assertions with, each with its kid: the named keys of {@code ferry.jwks.keys}
 * (what registrations name; retired by an admin after a rotation, which every instance sees through the database),
 * and the older per-host key files of {@code ferry.smart.clients} and {@code ferry.jwks.published-key-files}. All read
 * and checked at start-up, so a bad key stops Ferry with a clear message rather than failing a connection later.
 */
@ApplicationScoped
public class SigningKeys {
    static final String KID = "[A-Za-z0-9._-]{1,64}";

    @Inject
    JwksConfig config;
    @Inject
    SmartClients clients;
    @Inject
    RetiredKeys retired;
    @Inject
    RegistrationRows registrations;
    @Inject
    Clock clock;

    private volatile Loaded loaded;

    /** One key Ferry holds, for admins: never any part of the private key. */
    public record SigningKeyView(String kid, String algorithm, boolean retired, Instant retiredAt,
            long registrations) {
    }

    private record Loaded(Map<String, ClientAssertion> named, Map<Path, ClientAssertion> perHost,
            List<ClientAssertion> publishedOnly) {
    }

    void check(@Observes StartupEvent started) {
        loaded();
    }

    private Loaded loaded() {
        Loaded current = loaded;
        if (current == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = load();
                }
                current = loaded;
            }
        }
        return current;
    }

    private Loaded load() {
        Map<String, ClientAssertion> named = new TreeMap<>();
        config.keys().forEach((kid, file) -> {
            String setting = "ferry.jwks.keys.\"" + kid + "\"";
            if (!kid.matches(KID)) {
                throw new IllegalStateException(setting + ": a kid is 1 to 64 letters, digits, '.', '_' or '-'");
            }
            try {
                named.put(kid, ClientAssertion.load(file, kid));
            } catch (IllegalStateException e) {
                throw new IllegalStateException(setting + ": " + e.getMessage());
            }
        });
        List<ClientAssertion> publishedOnly = new ArrayList<>();
        for (Path file : config.publishedKeyFiles().orElse(List.of())) {
            try {
                publishedOnly.add(ClientAssertion.load(file, null));
            } catch (IllegalStateException e) {
                throw new IllegalStateException("ferry.jwks.published-key-files: " + e.getMessage());
            }
        }
        return new Loaded(Map.copyOf(named), SmartConnector.loadKeys(clients), List.copyOf(publishedOnly));
    }

    /**
     * The public keys Ferry's JWKS URL publishes: the named keys not retired, the per-host keys of
     * {@code ferry.smart.clients}, then the keys only published, each once by kid.
     */
    @Transactional
    public List<Map<String, String>> publicKeys() {
        Map<String, Instant> gone = retired.all();
        Map<String, Map<String, String>> byKid = new LinkedHashMap<>();
        loaded().named().values().stream().filter(k -> !gone.containsKey(k.keyId()))
                .forEach(k -> byKid.putIfAbsent(k.keyId(), k.publicJwk()));
        loaded().perHost().values().stream().sorted(java.util.Comparator.comparing(ClientAssertion::keyId))
                .forEach(k -> byKid.putIfAbsent(k.keyId(), k.publicJwk()));
        loaded().publishedOnly().forEach(k -> byKid.putIfAbsent(k.keyId(), k.publicJwk()));
        return List.copyOf(byKid.values());
    }

    /** Whether a registration may name this kid: a named key that is not retired. */
    boolean current(String kid) {
        return kid != null && loaded().named().containsKey(kid) && retired.findByIdOptional(kid).isEmpty();
    }

    /**
     * The key a registration signs with.
     *
     * @throws PortalSetUpProblem when Ferry no longer holds it or it was retired: Ferry's set-up, told to admins
     */
    ClientAssertion signer(String kid) {
        if (!current(kid)) {
            throw new PortalSetUpProblem("invalid_client", "Ferry's signing key '" + kid + "' named by the client "
                    + "registration is not in ferry.jwks.keys or was retired: choose a current key for it");
        }
        return loaded().named().get(kid);
    }

    /** The key of a {@code ferry.smart.clients} registration (read at start-up; a new file is read once). */
    ClientAssertion configured(Path file, String kid) {
        ClientAssertion key = loaded().perHost().get(file);
        return key != null ? key : ClientAssertion.load(file, kid);
    }

    /** Ferry's named keys for admins, by kid, with whether each is retired and how many registrations use it. */
    @Transactional
    public List<SigningKeyView> list() {
        Map<String, Instant> gone = retired.all();
        return loaded().named().values().stream().map(k -> new SigningKeyView(k.keyId(), k.algorithm(),
                gone.containsKey(k.keyId()), gone.get(k.keyId()), registrations.countSigningWith(k.keyId()))).toList();
    }

    /**
     * Retires a named key after a rotation: it leaves the JWKS and no registration may name it again. Refused while
     * a registration still signs with it; retiring twice changes nothing.
     */
    @Transactional
    public SigningKeyView retire(String kid) {
        if (kid == null || !loaded().named().containsKey(kid)) {
            throw OutcomeException.invalid("kid", "Ferry holds no signing key with this kid in ferry.jwks.keys.");
        }
        long using = registrations.countSigningWith(kid);
        if (using > 0) {
            throw new OutcomeException(Outcome.CONFLICT, using + (using == 1 ? " client registration still signs"
                    : " client registrations still sign") + " with this key: switch "
                    + (using == 1 ? "it" : "them") + " to the new key first.");
        }
        if (retired.findByIdOptional(kid).isEmpty()) {
            retired.persist(new RetiredKey(kid, clock.instant()));
        }
        RetiredKey row = retired.findById(kid);
        return new SigningKeyView(kid, loaded().named().get(kid).algorithm(), true, row.retiredAt, 0);
    }
}
