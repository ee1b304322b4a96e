package health.ferry.connections.credentials;

/**
 * An encrypted secret as stored: the id of the key-encryption key that wraps its data key, and the sealed bytes
 * (version, wrapped data key and its nonce, data nonce, ciphertext with tag). No toString of the bytes.
 */
public record SealedSecret(String keyId, byte[] sealed) {
    @Override
    public String toString() {
        return "SealedSecret[keyId=" + keyId + ", " + sealed.length + " bytes]";
    }
}
