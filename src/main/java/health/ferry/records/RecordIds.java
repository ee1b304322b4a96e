package health.ferry.records;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * A record's id is derived from its key (source kind, source id, resource type, resource id): the first 128 bits of
 * the key's SHA-256 as a version 8 UUID (RFC 9562). The key is then unique through the primary key alone, so the
 * table needs no second unique index, and an import finds the rows a page already has by primary key
 * (docs/benchmarks.md, row 3). Random ids from before (version 4) can never equal a derived one; V14 re-keyed them.
 *
 * <p>This is a storage format: changing it would make every later import duplicate what is stored. The key is
 * written unambiguously ({@code kind:sourceId:typeLength:type:resourceId}, the length in characters; only the resource id is free text, and
 * it comes last), and {@code RecordIdsTest} pins known values. The ids are as hard to guess as the source's own
 * random id, and every read of a record is authorised by its person regardless.
 */
public final class RecordIds {
    /** One digest per thread, reused: {@code MessageDigest.getInstance} costs as much as the digest of a key. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });

    private RecordIds() {
    }

    /**
     * The same derivation as a PostgreSQL SQL expression over four SQL expressions (a source's kind, its id as uuid,
     * the resource type and id), for bulk SQL such as the benchmarks' cloned records; {@code RecordIdsTest} checks
     * it against {@link #of}.
     */
    public static String postgresSql(String kind, String sourceId, String resourceType, String resourceId) {
        String hex = "substr(encode(sha256(convert_to(" + kind + " || ':' || " + sourceId + "::text || ':' || length("
                + resourceType + ") || ':' || " + resourceType + " || ':' || " + resourceId + ", 'UTF8')), 'hex'), 1, 32)";
        return "(select overlay(overlay(h placing '8' from 13 for 1) placing substr('89ab', (('x' || substr(h, 17, 1))"
                + "::bit(4)::int & 3) + 1, 1) from 17 for 1)::uuid from (select " + hex + " as h) k)";
    }

    /** The id of the record holding this resource from this source. */
    public static UUID of(RecordSource source, String resourceType, String resourceId) {
        return of(source.kind(), source.id(), resourceType, resourceId);
    }

    /** The id of the record holding this resource from this source. */
    public static UUID of(String sourceKind, UUID sourceId, String resourceType, String resourceId) {
        MessageDigest sha = SHA_256.get(); // digest() leaves it reset for the next key
        int typeLength = resourceType.codePointCount(0, resourceType.length());
        byte[] h = sha.digest((sourceKind + ':' + sourceId + ':' + typeLength + ':' + resourceType + ':' + resourceId)
                .getBytes(StandardCharsets.UTF_8));
        h[6] = (byte) ((h[6] & 0x0f) | 0x80); // version 8
        h[8] = (byte) ((h[8] & 0x3f) | 0x80); // the RFC 9562 variant
        ByteBuffer b = ByteBuffer.wrap(h);
        return new UUID(b.getLong(), b.getLong());
    }
}
