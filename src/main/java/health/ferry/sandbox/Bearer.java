package health.ferry.sandbox;

import java.util.Optional;

/** Reads an {@code Authorization: Bearer} header (RFC 6750). */
final class Bearer {
    private Bearer() {
    }

    static Optional<String> token(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
