package health.ferry.uploads.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated attack of rows Z1–Z22 ({@link HostileArchives}) through the unpacker with the production limits:
 * it ends in its rejection code (with a participant message) or in the documented safe acceptance; no exception
 * escapes; the unpacker allocates a bounded amount of memory whatever the archive declares or expands to; and nothing
 * appears anywhere but the storage folder, under generated keys.
 */
class HostileArchiveTest {
    /** Generous for the working buffers; a bomb that were expanded or a flood that were allocated would be far over. */
    private static final long MAX_ALLOCATED = 96L * 1024 * 1024;
    private static final String KEY = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TempDir
    Path dir;

    static Stream<HostileArchives.Case> cases() {
        return HostileArchives.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsInItsCodeWithinTheLimitsAndNothingOutsideStorage(HostileArchives.Case attack) throws IOException {
        Path work = Files.createDirectory(dir.resolve("work"));
        ArchiveFixture fixture = new ArchiveFixture(work);
        Files.write(fixture.upload, attack.bytes().get());

        long before = allocated();
        UnpackResult result = Assertions.assertTimeout(Duration.ofSeconds(60),
                () -> ArchiveUnpacker.unpack(fixture.upload, ArchiveLimits.defaults(), fixture.sink));
        long used = allocated() - before;

        String outcome = result.rejected() ? result.rejection().code().code() : HostileArchives.ACCEPTED;
        assertEquals(attack.expected(), outcome, () -> attack + ": " + result.rejection() + " " + result.entries());
        assertTrue(used < MAX_ALLOCATED, () -> attack + " allocated " + used / (1024 * 1024) + " MiB");
        if (result.rejected()) {
            assertTrue(result.rejection().message().startsWith(result.rejection().code().message()));
            fixture.assertStoreEmpty();
        } else {
            acceptedSafely(attack, result, fixture);
        }
        assertEquals(Set.of("work"), listing(dir), "nothing is written beside the scratch folder (../ names)");
        assertEquals(Set.of("store", "upload.zip"), listing(work), "nothing but the upload and the store");
    }

    private static void acceptedSafely(HostileArchives.Case attack, UnpackResult result, ArchiveFixture fixture)
            throws IOException {
        List<String> keys = result.entries().stream().map(UnpackedEntry::storageKey).toList();
        Set<String> stored = listing(fixture.store);
        assertEquals(new TreeSet<>(keys), stored, "each accepted entry is one file under its generated key");
        assertTrue(stored.stream().allMatch(k -> k.matches(KEY)), stored::toString);
        long total = result.entries().stream().mapToLong(UnpackedEntry::size).sum();
        assertTrue(total < 1024 * 1024 * 8, attack + " stored " + total + " bytes");
        switch (attack.row()) {
            case "Z1" -> {
                assertEquals(16, result.entries().size());
                assertTrue(result.entries().stream().allMatch(UnpackedEntry::nestedArchive),
                        "nested archives are flagged, never expanded");
            }
            case "Z12" -> assertTrue(result.entries().stream()
                    .anyMatch(e -> e.name().equals("inner.zip") && e.nestedArchive()));
            case "Z17" -> {
                List<String> flagged = result.entries().stream().filter(UnpackedEntry::nestedArchive)
                        .map(UnpackedEntry::name).toList();
                assertTrue(flagged.containsAll(List.of("bundle.tar", "bundle.tar.gz", "note.gz", "pack.7z",
                        "pack.bz2", "pack.xz", "pack.arj")), flagged::toString);
                assertEquals(9, result.entries().size(), "every nested format is stored opaque, none opened");
            }
            case "Z18" -> assertTrue(result.entries().stream().map(UnpackedEntry::name)
                    .noneMatch(n -> n.chars().anyMatch(c -> c < 0x20)), "display names carry no control characters");
            case "Z19" -> {
                assertEquals(List.of("report.txt"), result.entries().stream().map(UnpackedEntry::name).toList());
                assertEquals(5, result.skipped().size(), "clutter is skipped and counted");
                assertTrue(result.skipped().stream().allMatch(s -> s.reason().equals(SkippedEntry.SYSTEM_FILE)));
            }
            case "Z20" -> assertEquals(List.of(5L), result.entries().stream().map(UnpackedEntry::size).toList());
            default -> throw new AssertionError("no acceptance check for " + attack);
        }
    }

    /** Z21: storage fills up mid-archive: a retryable storage error, not a rejection; nothing stays stored. */
    @Test
    void fullDiskIsARetryableStorageErrorAndLeavesNothing() throws IOException {
        ArchiveFixture fixture = new ArchiveFixture(dir);
        ZipBytes zip = new ZipBytes();
        for (int i = 0; i < 4; i++) {
            zip.add("part" + i + ".txt", "x".repeat(50_000));
        }
        Files.write(fixture.upload, zip.build());
        EntrySink fullAfterTwo = new EntrySink() {
            private int stored;

            @Override
            public void store(String key, InputStream content) throws IOException {
                if (++stored > 2) {
                    content.readNBytes(1000);
                    throw new IOException("No space left on device");
                }
                fixture.sink.store(key, content);
            }

            @Override
            public void discard(String key) throws IOException {
                fixture.sink.discard(key);
            }
        };
        IOException failure = assertThrows(IOException.class,
                () -> ArchiveUnpacker.unpack(fixture.upload, ArchiveLimits.defaults(), fullAfterTwo));
        assertEquals("No space left on device", failure.getMessage());
        fixture.assertStoreEmpty();
    }

    /**
     * Z22: inflation time is bounded by the byte limits — the worst archive within them (1 GiB of zeros, the most
     * DEFLATE can hold per compressed byte) is stopped by the ratio limit after its first MiB, in well under a second
     * of work. Slow parsers are bounded by the extraction worker's timeout (DetectionIsolationTest).
     */
    @Test
    void slowestInflationWithinTheLimitsIsCutShort() {
        HostileArchives.Case gigabyte = HostileArchives.all().stream()
                .filter(c -> c.name().startsWith("1 GiB")).findFirst().orElseThrow();
        byte[] bytes = gigabyte.bytes().get();
        Assertions.assertTimeout(Duration.ofSeconds(5), () -> {
            ArchiveFixture fixture = new ArchiveFixture(dir);
            UnpackResult result = fixture.unpack(bytes, ArchiveLimits.defaults());
            assertEquals(RejectionCode.COMPRESSION_RATIO, result.rejection().code());
        });
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static Set<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
