package health.ferry.connections.credentials;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption for portal credentials and tokens: each secret gets a fresh AES-256 data key; the data is
 * sealed with AES-GCM (random 96-bit nonce) and associated data naming what it is and which row it belongs to, and
 * the data key is wrapped with the active key-encryption key. A secret copied to another row, or tampered with,
 * does not open. Rotation re-wraps data keys without touching the data.
 */
@ApplicationScoped
public class CredentialVault {
    static final byte VERSION = 1;
    static final int NONCE = 12;
    static final int TAG_BITS = 128;
    static final int WRAPPED_KEY = 32 + 16;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> keys = new HashMap<>();
    private final String activeKey;

    @Inject
    public CredentialVault(VaultConfig config) {
        // A blank entry is a retired key (e.g. the dev key in prod).
        config.keys().forEach((id, b64) -> {
            if (b64 != null && !b64.isBlank()) {
                keys.put(id, key(id, b64));
            }
        });
        this.activeKey = config.activeKey();
        if (!keys.containsKey(activeKey)) {
            throw new IllegalStateException("ferry.vault.active-key '" + activeKey + "' is not among ferry.vault.keys");
        }
    }

    /** Seals a secret for one purpose (e.g. "connection.credentials") of one row. */
    public SealedSecret seal(String purpose, UUID rowId, String plaintext) {
        try {
            byte[] dataKey = new byte[32];
            random.nextBytes(dataKey);
            byte[] wrapNonce = nonce();
            byte[] wrapped = gcm(Cipher.ENCRYPT_MODE, keys.get(activeKey), wrapNonce, wrapAad(activeKey, purpose, rowId),
                    dataKey);
            byte[] dataNonce = nonce();
            byte[] ciphertext = gcm(Cipher.ENCRYPT_MODE, new SecretKeySpec(dataKey, "AES"), dataNonce,
                    dataAad(purpose, rowId), plaintext.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(1 + NONCE + WRAPPED_KEY + NONCE + ciphertext.length);
            out.put(VERSION).put(wrapNonce).put(wrapped).put(dataNonce).put(ciphertext);
            return new SealedSecret(activeKey, out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealing failed", e);
        }
    }

    /** Opens a secret sealed for this purpose and row; anything else fails closed with {@link VaultException}. */
    public String open(String purpose, UUID rowId, SealedSecret secret) {
        try {
            Parts p = parts(secret);
            byte[] dataKey = unwrap(secret.keyId(), purpose, rowId, p);
            byte[] plain = gcm(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"), p.dataNonce,
                    dataAad(purpose, rowId), p.ciphertext);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new VaultException("The stored secret cannot be opened (wrong row, key or tampered)");
        }
    }

    /** Re-wraps the data key with the active key; the sealed data itself is unchanged. */
    public SealedSecret rewrap(String purpose, UUID rowId, SealedSecret secret) {
        if (secret.keyId().equals(activeKey)) {
            return secret;
        }
        try {
            Parts p = parts(secret);
            byte[] dataKey = unwrap(secret.keyId(), purpose, rowId, p);
            byte[] wrapNonce = nonce();
            byte[] wrapped = gcm(Cipher.ENCRYPT_MODE, keys.get(activeKey), wrapNonce, wrapAad(activeKey, purpose, rowId),
                    dataKey);
            ByteBuffer out = ByteBuffer.allocate(secret.sealed().length);
            out.put(VERSION).put(wrapNonce).put(wrapped).put(p.dataNonce).put(p.ciphertext);
            return new SealedSecret(activeKey, out.array());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new VaultException("The stored secret cannot be re-wrapped (wrong row, key or tampered)");
        }
    }

    public String activeKey() {
        return activeKey;
    }

    private byte[] unwrap(String keyId, String purpose, UUID rowId, Parts p) throws GeneralSecurityException {
        SecretKey kek = keys.get(keyId);
        if (kek == null) {
            throw new GeneralSecurityException("unknown key id");
        }
        return gcm(Cipher.DECRYPT_MODE, kek, p.wrapNonce, wrapAad(keyId, purpose, rowId), p.wrapped);
    }

    private record Parts(byte[] wrapNonce, byte[] wrapped, byte[] dataNonce, byte[] ciphertext) {
    }

    private static Parts parts(SealedSecret secret) {
        ByteBuffer in = ByteBuffer.wrap(secret.sealed());
        if (in.get() != VERSION) {
            throw new IllegalArgumentException("unknown version");
        }
        byte[] wrapNonce = new byte[NONCE];
        byte[] wrapped = new byte[WRAPPED_KEY];
        byte[] dataNonce = new byte[NONCE];
        in.get(wrapNonce).get(wrapped).get(dataNonce);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        return new Parts(wrapNonce, wrapped, dataNonce, ciphertext);
    }

    private byte[] nonce() {
        byte[] n = new byte[NONCE];
        random.nextBytes(n);
        return n;
    }

    private static byte[] gcm(int mode, SecretKey key, byte[] nonce, String aad, byte[] input)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(input);
    }

    private static String wrapAad(String keyId, String purpose, UUID rowId) {
        return "ferry.kek|" + keyId + "|" + purpose + "|" + rowId;
    }

    private static String dataAad(String purpose, UUID rowId) {
        return "ferry.data|" + purpose + "|" + rowId;
    }

    private static SecretKey key(String id, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ferry.vault.keys." + id + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("ferry.vault.keys." + id + " must be 32 bytes (256 bits) in base64");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
