package health.ferry.connections.credentials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** AES-256-GCM envelope encryption: round trip, fails closed on swap or tamper, unique nonces, key rotation. */
class CredentialVaultTest {
    static final String K1 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String K2 = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
    static final String PURPOSE = "connection.credentials";

    static CredentialVault vault(String active, Map<String, String> keys) {
        return new CredentialVault(new VaultConfig() {
            public Map<String, String> keys() {
                return keys;
            }

            public String activeKey() {
                return active;
            }
        });
    }

    final CredentialVault vault = vault("k1", Map.of("k1", K1));

    @Test
    void sealsAndOpens() {
        UUID row = UUID.randomUUID();
        SealedSecret s = vault.seal(PURPOSE, row, "{\"username\":\"demo\",\"password\":\"s3cret!\"}");
        assertEquals("k1", s.keyId());
        assertFalse(new String(s.sealed(), StandardCharsets.ISO_8859_1).contains("s3cret"));
        assertEquals("{\"username\":\"demo\",\"password\":\"s3cret!\"}", vault.open(PURPOSE, row, s));
        assertFalse(s.toString().contains("s3cret"));
    }

    @Test
    void aSecretCopiedToAnotherRowOrPurposeDoesNotOpen() {
        UUID a = UUID.randomUUID();
        SealedSecret s = vault.seal(PURPOSE, a, "pw");
        assertThrows(VaultException.class, () -> vault.open(PURPOSE, UUID.randomUUID(), s));
        assertThrows(VaultException.class, () -> vault.open("connection.tokens", a, s));
    }

    @Test
    void anyFlippedByteFailsClosed() {
        UUID row = UUID.randomUUID();
        SealedSecret s = vault.seal(PURPOSE, row, "password");
        for (int i = 0; i < s.sealed().length; i++) {
            byte[] copy = s.sealed().clone();
            copy[i] ^= 0x01;
            SealedSecret tampered = new SealedSecret(s.keyId(), copy);
            assertThrows(VaultException.class, () -> vault.open(PURPOSE, row, tampered), "byte " + i);
        }
        assertThrows(VaultException.class, () -> vault.open(PURPOSE, row, new SealedSecret("k1", new byte[3])));
        assertThrows(VaultException.class, () -> vault.open(PURPOSE, row, new SealedSecret("nope", s.sealed())));
    }

    @Test
    void everySealingUsesFreshNonces() {
        UUID row = UUID.randomUUID();
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            byte[] sealed = vault.seal(PURPOSE, row, "same").sealed();
            byte[] wrapNonce = java.util.Arrays.copyOfRange(sealed, 1, 13);
            byte[] dataNonce = java.util.Arrays.copyOfRange(sealed, 13 + 48, 25 + 48);
            assertEquals(true, nonces.add(Base64.getEncoder().encodeToString(wrapNonce)));
            assertEquals(true, nonces.add(Base64.getEncoder().encodeToString(dataNonce)));
        }
    }

    @Test
    void rotationReadsOldAndNewThenRewrapsOntoTheNewKey() {
        UUID row = UUID.randomUUID();
        SealedSecret old = vault.seal(PURPOSE, row, "pw-under-k1");
        CredentialVault overlap = vault("k2", Map.of("k1", K1, "k2", K2));
        assertEquals("pw-under-k1", overlap.open(PURPOSE, row, old));
        SealedSecret fresh = overlap.seal(PURPOSE, row, "pw-under-k2");
        assertEquals("k2", fresh.keyId());
        SealedSecret rewrapped = overlap.rewrap(PURPOSE, row, old);
        assertEquals("k2", rewrapped.keyId());
        assertNotEquals(old.keyId(), rewrapped.keyId());
        // The data itself is untouched; only the wrapped key changed.
        assertArrayEquals(java.util.Arrays.copyOfRange(old.sealed(), 61, old.sealed().length),
                java.util.Arrays.copyOfRange(rewrapped.sealed(), 61, rewrapped.sealed().length));
        CredentialVault retired = vault("k2", Map.of("k2", K2, "k1", ""));
        assertEquals("pw-under-k1", retired.open(PURPOSE, row, rewrapped));
        assertThrows(VaultException.class, () -> retired.open(PURPOSE, row, old));
    }

    @Test
    void badKeyConfigurationIsRefusedClearly() {
        assertThrows(IllegalStateException.class, () -> vault("k1", Map.of("k1", "c2hvcnQ=")));
        assertThrows(IllegalStateException.class, () -> vault("missing", Map.of("k1", K1)));
    }
}
