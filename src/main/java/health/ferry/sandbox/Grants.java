package health.ferry.sandbox;

import health.ferry.sandbox.SandboxAccounts.Behaviour;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the sandbox has issued: authorization codes, bearer tokens (SMART access tokens and credential sessions) and
 * refresh tokens with rotation. In memory and thread-safe; {@link #reset()} forgets everything.
 */
@ApplicationScoped
class Grants {
    static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    static final Duration ACCESS_LIFETIME = Duration.ofHours(1);
    /** How long the {@code shortlived} account's access lasts, from sign-in: tokens and refreshes end with it. */
    static final Duration SHORT_LIVED_ACCESS = Duration.ofSeconds(60);

    /** What an authorization code stands for until it is redeemed. */
    record Code(String clientId, String redirectUri, String codeChallenge, Set<String> scopes, String username,
            String patientId) {
    }

    /** What a bearer token allows: one patient's records within the scopes. */
    record Access(String patientId, Set<String> scopes, String grantId) {
    }

    /** A token response; {@code refreshToken} is null when none was issued. */
    record Issued(String accessToken, long expiresIn, String refreshToken, Set<String> scopes, String patientId,
            Long endsIn) {
    }

    /** One authorization and its chain of refresh tokens. */
    private static final class Grant {
        final String id = Expiring.newHandle();
        final Code code;
        final Instant endsAt;
        String latest;
        String previous;
        volatile boolean revoked;

        Grant(Code code, Instant endsAt) {
            this.code = code;
            this.endsAt = endsAt;
        }
    }

    private final SandboxClock clock;
    private final Expiring<Code> codes;
    private final Expiring<Access> tokens;
    private final Map<String, String> redeemedCodes = new ConcurrentHashMap<>();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    /** Refresh requests per account (whatever they answered): tests count token-endpoint calls with it. */
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> refreshRequests = new ConcurrentHashMap<>();

    Grants(SandboxClock clock) {
        this.clock = clock;
        this.codes = new Expiring<>(clock, CODE_LIFETIME);
        this.tokens = new Expiring<>(clock, ACCESS_LIFETIME);
    }

    String newCode(Code code) {
        return codes.put(code);
    }

    Optional<Code> peekCode(String code) {
        return codes.get(code);
    }

    /** Redeems a code once. Presenting it again revokes what it was exchanged for (RFC 6749, section 4.1.2). */
    synchronized Optional<Code> redeem(String code) {
        Optional<Code> found = codes.take(code);
        if (found.isEmpty() && code != null) {
            Optional.ofNullable(redeemedCodes.get(code)).map(grants::get).ifPresent(g -> g.revoked = true);
        }
        return found;
    }

    /** Issues an access token and, when the scopes ask for offline or online access, a refresh token. */
    synchronized Issued issue(String redeemedCode, Code code) {
        Instant now = clock.now();
        Grant grant = new Grant(code, accessEnds(code.username(), now));
        grants.put(grant.id, grant);
        redeemedCodes.put(redeemedCode, grant.id);
        if (Scopes.offline(code.scopes())) {
            grant.latest = Expiring.newHandle();
            refreshTokens.put(grant.latest, grant.id);
        }
        return access(grant, now, grant.latest);
    }

    /**
     * A new access token and refresh token for a refresh token. The token it replaces keeps working until the new
     * one is used (so a lost response does not lose the grant); older ones answer nothing. The {@code strict}
     * account has no such grace: a refresh token works once, and presenting a used one again revokes the whole
     * grant, its access tokens included (reuse detection, as Keycloak's "revoke refresh token" with no reuse).
     */
    synchronized Optional<Issued> refresh(String refreshToken, String clientId) {
        Grant grant = refreshToken == null ? null : grants.get(refreshTokens.getOrDefault(refreshToken, ""));
        Instant now = clock.now();
        if (grant != null) {
            refreshRequests.computeIfAbsent(grant.code.username(), u -> new java.util.concurrent.atomic.AtomicInteger())
                    .incrementAndGet();
        }
        if (grant == null || grant.revoked || !grant.code.clientId().equals(clientId) || ended(grant, now)) {
            return Optional.empty();
        }
        if (strict(grant)) {
            if (!refreshToken.equals(grant.latest)) {
                grant.revoked = true;
                return Optional.empty();
            }
            // The used token stays known (never valid again), so presenting it later is recognised as reuse.
            grant.latest = Expiring.newHandle();
            refreshTokens.put(grant.latest, grant.id);
            return Optional.of(access(grant, now, grant.latest));
        }
        if (refreshToken.equals(grant.latest)) {
            Optional.ofNullable(grant.previous).ifPresent(refreshTokens::remove);
            grant.previous = refreshToken;
        } else {
            refreshTokens.remove(grant.latest);
        }
        grant.latest = Expiring.newHandle();
        refreshTokens.put(grant.latest, grant.id);
        return Optional.of(access(grant, now, grant.latest));
    }

    /** How many refresh requests the account's grants have received since the last reset. */
    int refreshRequests(String username) {
        return Optional.ofNullable(refreshRequests.get(username)).map(java.util.concurrent.atomic.AtomicInteger::get)
                .orElse(0);
    }

    private static boolean strict(Grant grant) {
        return SandboxAccounts.find(grant.code.username()).filter(a -> a.behaviour() == Behaviour.STRICT_ROTATION)
                .isPresent();
    }

    /** The username behind a refresh token, if it is one. */
    Optional<String> refreshUsername(String refreshToken) {
        return Optional.ofNullable(refreshToken).map(refreshTokens::get).map(grants::get).map(g -> g.code.username());
    }

    /** A credential session: a bearer token for one patient, no refresh. */
    Issued session(String username, String patientId) {
        Instant now = clock.now();
        Instant ends = Optional.ofNullable(accessEnds(username, now)).orElse(now.plus(ACCESS_LIFETIME));
        String token = tokens.put(new Access(patientId, Scopes.SESSION, null), ends);
        Instant limit = accessEnds(username, now);
        return new Issued(token, Duration.between(now, ends).toSeconds(), null, Scopes.SESSION, patientId,
                limit == null ? null : Duration.between(now, limit).toSeconds());
    }

    /** What a bearer token allows, while it is valid. */
    Optional<Access> access(String token) {
        return tokens.get(token).filter(a -> a.grantId() == null
                || Optional.ofNullable(grants.get(a.grantId())).map(g -> !g.revoked).orElse(false));
    }

    void endSession(String token) {
        tokens.remove(token);
    }

    synchronized void reset() {
        codes.clear();
        tokens.clear();
        redeemedCodes.clear();
        grants.clear();
        refreshTokens.clear();
        refreshRequests.clear();
    }

    private Issued access(Grant grant, Instant now, String refreshToken) {
        Instant expires = now.plus(ACCESS_LIFETIME);
        if (grant.endsAt != null && grant.endsAt.isBefore(expires)) {
            expires = grant.endsAt;
        }
        String token = tokens.put(new Access(grant.code.patientId(), grant.code.scopes(), grant.id), expires);
        return new Issued(token, Duration.between(now, expires).toSeconds(), refreshToken, grant.code.scopes(),
                grant.code.patientId(), grant.endsAt == null ? null : Duration.between(now, grant.endsAt).toSeconds());
    }

    private static boolean ended(Grant grant, Instant now) {
        return grant.endsAt != null && !now.isBefore(grant.endsAt);
    }

    private static Instant accessEnds(String username, Instant now) {
        return SandboxAccounts.find(username).filter(a -> a.behaviour() == Behaviour.SHORT_LIVED)
                .map(a -> now.plus(SHORT_LIVED_ACCESS)).orElse(null);
    }
}
