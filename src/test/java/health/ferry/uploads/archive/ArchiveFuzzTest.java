package health.ferry.uploads.archive;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small, seeded mutation fuzzer in the spirit of the OSS-Fuzz targets (plan Z20): whatever the bytes, unpacking
 * ends in an accepted result or a rejection with a code, and a rejection leaves nothing stored.
 */
class ArchiveFuzzTest {
    private static final int ROUNDS = 1_500;
    private static final ArchiveLimits LIMITS = new ArchiveLimits(20, 64 * 1024, 256 * 1024, 16 * 1024, 100,
            1_024, 255, 32);

    @TempDir
    Path dir;

    @Test
    void mutatedArchivesNeverEscapeAsExceptions() throws IOException {
        byte[] seed = seed();
        Random random = new Random(20261121L);
        ArchiveFixture fixture = new ArchiveFixture(dir);
        for (int round = 0; round < ROUNDS; round++) {
            byte[] mutated = mutate(seed, random);
            UnpackResult result = fixture.unpack(mutated, LIMITS);
            if (result.rejected()) {
                assertNotNull(result.rejection().code());
                fixture.assertStoreEmpty();
            } else {
                for (UnpackedEntry entry : result.entries()) {
                    fixture.sink.discard(entry.storageKey());
                }
            }
        }
    }

    private static byte[] seed() {
        ZipBytes zip = new ZipBytes();
        zip.add("IHE_XDM/SUBSET01/DOC0001.XML", "<ClinicalDocument>" + "x".repeat(300) + "</ClinicalDocument>");
        zip.add("INDEX.HTM", "<html>index</html>").method(ZipBytes.STORED);
        zip.add("notes/readme.txt", "hello ".repeat(50)).dataDescriptor = true;
        return zip.build();
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] bytes = Arrays.copyOf(seed, seed.length);
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int i = 1 + random.nextInt(8); i > 0; i--) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case 2 -> {
                int at = random.nextInt(bytes.length - 4);
                int value = random.nextBoolean() ? 0xFFFF_FFFF : random.nextInt();
                for (int i = 0; i < 4; i++) {
                    bytes[at + i] = (byte) (value >>> (8 * i));
                }
            }
            default -> {
                int from = random.nextInt(bytes.length);
                int to = random.nextInt(bytes.length);
                int length = random.nextInt(Math.min(64, bytes.length - Math.max(from, to)) + 1);
                System.arraycopy(seed, from, bytes, to, length);
            }
        }
        return bytes;
    }
}
