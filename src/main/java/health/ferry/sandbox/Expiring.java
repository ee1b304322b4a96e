package health.ferry.sandbox;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Values behind random, unguessable handles (challenges, tickets, codes, tokens) that expire on the sandbox clock. */
final class Expiring<V> {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PURGE_ABOVE = 1_000;

    private record Entry<V>(V value, Instant expiresAt) {
    }

    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final SandboxClock clock;
    private final Duration lifetime;

    Expiring(SandboxClock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** Stores the value for the default lifetime and answers its new handle. */
    String put(V value) {
        return put(value, clock.now().plus(lifetime));
    }

    String put(V value, Instant expiresAt) {
        Instant now = clock.now();
        if (entries.size() > PURGE_ABOVE) {
            entries.values().removeIf(e -> !now.isBefore(e.expiresAt()));
        }
        String handle = newHandle();
        entries.put(handle, new Entry<>(value, expiresAt));
        return handle;
    }

    Optional<V> get(String handle) {
        Entry<V> e = handle == null ? null : entries.get(handle);
        return live(handle, e);
    }

    /** Removes the value: a handle taken once never works again. */
    Optional<V> take(String handle) {
        Entry<V> e = handle == null ? null : entries.remove(handle);
        return live(null, e);
    }

    Optional<Instant> expiresAt(String handle) {
        Entry<V> e = handle == null ? null : entries.get(handle);
        return e == null ? Optional.empty() : Optional.of(e.expiresAt());
    }

    void remove(String handle) {
        if (handle != null) {
            entries.remove(handle);
        }
    }

    void clear() {
        entries.clear();
    }

    private Optional<V> live(String handle, Entry<V> e) {
        if (e == null) {
            return Optional.empty();
        }
        if (!clock.now().isBefore(e.expiresAt())) {
            remove(handle);
            return Optional.empty();
        }
        return Optional.of(e.value());
    }

    static String newHandle() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
