package health.ferry.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A study's own resource ids: HMAC-SHA256 of {@code Type/id} under the study's key (table
 * {@code study_export_key}, 32 random bytes made on the study's first export), 40 hex characters. The same record
 * keeps its id in every export of one study; two studies' ids for it are unrelated, and without the key an id
 * cannot be traced back to the portal's.
 */
@ApplicationScoped
class StudyIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** Re-keys ids for one study. */
    interface Keyed {
        String id(String type, String id);
    }

    /** The study's key, made (by whichever instance gets there first) on its first export. */
    Keyed of(String studyId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        em.createNativeQuery("insert into study_export_key (study_id, secret, created_at) values (?1, ?2, ?3) "
                + "on conflict do nothing").setParameter(1, studyId)
                .setParameter(2, Base64.getEncoder().encodeToString(secret))
                .setParameter(3, clock.instant().atOffset(ZoneOffset.UTC)).executeUpdate();
        String stored = (String) em.createNativeQuery("select secret from study_export_key where study_id = ?1")
                .setParameter(1, studyId).getSingleResult();
        return keyed(Base64.getDecoder().decode(stored));
    }

    static Keyed keyed(byte[] key) {
        SecretKeySpec spec = new SecretKeySpec(key, "HmacSHA256");
        return (type, id) -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(spec);
                byte[] digest = mac.doFinal((type + "/" + id).getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest, 0, 20);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        };
    }
}
