package health.ferry.uploads.archive;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.Deflater;

/**
 * The hostile-archive generator of SECURITY-TEST-PLAN rows Z1–Z22: every attack is built here in test code (no files
 * checked in), each with the outcome Ferry must reach — an archive rejection code, or {@link #ACCEPTED} for the
 * documented safe handlings (nested archives stored opaque and flagged, clutter skipped, names kept as display text).
 * Used by {@link HostileArchiveTest} (the unpacker, with memory and file-system checks) and by
 * {@code health.ferry.uploads.HostileUploadTest} (a representative subset through the real upload endpoint).
 */
public final class HostileArchives {
    /** The documented safe acceptance: stored under generated keys, nothing expanded, names display-only. */
    public static final String ACCEPTED = "accepted";

    /**
     * One generated attack.
     *
     * @param row      the plan row (Z1 … Z22)
     * @param name     what the archive tries
     * @param expected the rejection code, or {@link #ACCEPTED}
     * @param bytes    builds the archive (lazily: some are megabytes)
     * @param endpoint also worth driving through the upload endpoint (small, representative)
     */
    public record Case(String row, String name, String expected, Supplier<byte[]> bytes, boolean endpoint) {
        @Override
        public String toString() {
            return row + " " + name + " → " + expected;
        }
    }

    private static final int MIB = 1024 * 1024;
    private final List<Case> cases = new ArrayList<>();

    private HostileArchives() {
    }

    /** Every generated case, in plan order. */
    public static List<Case> all() {
        HostileArchives h = new HostileArchives();
        h.bombs();
        h.structure();
        h.names();
        h.encodingAndMethods();
        h.malformed();
        return List.copyOf(h.cases);
    }

    /** The representative subset that also goes through the real upload endpoint. */
    public static List<Case> forEndpoint() {
        return all().stream().filter(Case::endpoint).toList();
    }

    private void add(String row, String name, String expected, Supplier<byte[]> bytes) {
        put(false, row, name, expected, bytes);
    }

    private void endpoint(String row, String name, String expected, Supplier<byte[]> bytes) {
        put(true, row, name, expected, bytes);
    }

    private void put(boolean endpoint, String row, String name, String expected, Supplier<byte[]> bytes) {
        cases.add(new Case(row, name, expected, bytes, endpoint));
    }

    private void bombs() {
        endpoint("Z1", "42.zip-style recursion, 16 nested zips x 3 levels", ACCEPTED, () -> recursive(3, 16));
        endpoint("Z2", "10 MiB of zeros deflated", "compression_ratio", () -> zeros(10 * MIB));
        add("Z2", "1 GiB of zeros deflated (about 1 MiB)", "compression_ratio", () -> streamedZeros(1024L * MIB));
        add("Z3", "directory says 100 bytes, data inflates to 8 MiB of noise", "corrupt_archive", () -> {
            ZipBytes zip = new ZipBytes();
            zip.add("small.txt", noise(8 * MIB)).size = 100L;
            return zip.build();
        });
        endpoint("Z3", "directory says 50 000 bytes, data holds 5", "corrupt_archive", () -> {
            ZipBytes zip = one("a.txt", "hello");
            zip.entries.get(0).size = 50_000L;
            return zip.build();
        });
        add("Z3", "checksum in the directory does not match the data", "corrupt_archive", () -> {
            ZipBytes zip = one("a.txt", "hello");
            zip.entries.get(0).crc = 0xDEADBEEFL;
            return zip.build();
        });
        endpoint("Z4", "Fifield overlap: five directory records share one local header", "overlapping_entries", () -> {
            ZipBytes zip = new ZipBytes();
            zip.add("kernel.bin", new byte[200_000]);
            for (int i = 0; i < 4; i++) {
                zip.alias("copy" + i + ".bin", 0);
            }
            return zip.build();
        });
        add("Z4", "quoted local header inside another entry's data (zbsm)", "overlapping_entries", () -> {
            ZipBytes.Entry inner = new ZipBytes.Entry("inner.txt", bytes("hello")).method(ZipBytes.STORED);
            byte[] quoted = concat(ZipBytes.localHeader(inner), bytes("hello"));
            ZipBytes zip = new ZipBytes();
            zip.add("outer.bin", quoted).method(ZipBytes.STORED);
            zip.centralOnly(inner, zip.dataOffset(0));
            return zip.build();
        });
        add("Z5", "Zip64 end record declaring 2^40 entries", "too_many_entries", () -> {
            ZipBytes zip = one("a.txt", "x");
            zip.zip64Count = 1L << 40;
            return zip.build();
        });
        add("Z5", "Zip64 end record declaring a negative entry count", "too_many_entries", () -> {
            ZipBytes zip = one("a.txt", "x");
            zip.zip64Count = -1L;
            return zip.build();
        });
        add("Z5", "sizes 0xFFFFFFFF with a Zip64 extra claiming 1 TiB", "corrupt_archive", () -> {
            ZipBytes zip = new ZipBytes();
            ZipBytes.Entry entry = zip.add("huge.bin", "tiny");
            entry.size = 0xFFFF_FFFFL;
            entry.extra = new ZipBytes.Out().i16(0x0001).i16(16).i64(1L << 40).i64(6).toByteArray();
            return zip.build();
        });
        add("Z5", "central directory offset beyond the file", "corrupt_archive", () -> {
            byte[] zip = one("a.txt", "x").build();
            int eocd = zip.length - 22;
            writeInt(zip, eocd + 16, 0xFFFF_FFF0);
            return zip;
        });
        add("Z6", "100 000 directory records over one local header, end record says 1", "too_many_entries",
                () -> flood(100_000, 1));
        add("Z6", "100 000 directory records, Zip64 end record says so", "too_many_entries",
                () -> flood(100_000, 100_000));
    }

    private void structure() {
        add("Z8", "Unix symlink to /etc and a file written through it", "symlink_entry", () -> {
            ZipBytes zip = new ZipBytes();
            ZipBytes.Entry link = zip.add("etc", "/etc").method(ZipBytes.STORED);
            link.madeBy = ZipBytes.UNIX_MADE_BY;
            link.externalAttributes = 0120777L << 16;
            zip.add("etc/passwd", "root::0:0::/:/bin/sh");
            return zip.build();
        });
        endpoint("Z8", "Unix symlink to /etc/passwd", "symlink_entry", () -> {
            ZipBytes zip = new ZipBytes();
            ZipBytes.Entry link = zip.add("passwd", "/etc/passwd").method(ZipBytes.STORED);
            link.madeBy = ZipBytes.UNIX_MADE_BY;
            link.externalAttributes = 0120777L << 16;
            return zip.build();
        });
        endpoint("Z9", "same name twice, different content", "duplicate_entries", () -> two("report.pdf", "report.pdf"));
        add("Z9", "case-only collision A.pdf / a.pdf", "duplicate_entries", () -> two("A.pdf", "a.pdf"));
        add("Z9", "NFC vs NFD collision", "duplicate_entries", () -> two("caf\u00e9.txt", "cafe\u0301.txt"));
        endpoint("Z10", "local header says evil.html, directory says ok.pdf", "corrupt_archive", () -> {
            ZipBytes zip = new ZipBytes();
            zip.add("ok.pdf", "<html><script>alert(1)</script>").localName = bytes("evil.html");
            return zip.build();
        });
        add("Z10", "local header method differs from the directory", "corrupt_archive", () -> {
            ZipBytes zip = one("a.txt", "hello");
            zip.entries.get(0).localMethod = ZipBytes.STORED;
            return zip.build();
        });
        add("Z10", "local header size differs from the directory", "corrupt_archive", () -> {
            ZipBytes zip = new ZipBytes();
            ZipBytes.Entry entry = zip.add("a.txt", "y".repeat(3_000)).method(ZipBytes.STORED);
            entry.centralSize = 2_000L;
            return zip.build();
        });
        add("Z10", "an entry only in the local headers", "corrupt_archive", () -> {
            ZipBytes zip = new ZipBytes();
            ZipBytes.Entry hidden = new ZipBytes.Entry("hidden.html", bytes("<script>"));
            zip.add("visible.txt", "hello").trailing = ZipBytes.localHeader(hidden);
            return zip.build();
        });
        endpoint("Z11", "Unicode-path extra says report.pdf, header says report.pdf.html", "unsafe_entry_name", () -> {
            ZipBytes zip = new ZipBytes();
            ZipBytes.Entry entry = zip.add("report.pdf.html", "<script>");
            entry.extra = ZipBytes.unicodePath("report.pdf", entry.name);
            return zip.build();
        });
        endpoint("Z12", "STORED entry with a data descriptor holding a ZIP", ACCEPTED, () -> {
            ZipBytes zip = new ZipBytes();
            ZipBytes.Entry entry = zip.add("inner.zip", one("x.txt", "inner").build()).method(ZipBytes.STORED);
            entry.dataDescriptor = true;
            zip.add("notes.txt", "outer");
            return zip.build();
        });
        add("Z16", "self-extractor stub before the archive", "not_an_archive", () -> prefixed(new byte[] {'M', 'Z',
            (byte) 0x90, 0, 3, 0, 0, 0}));
        endpoint("Z16", "PDF+ZIP polyglot", "not_an_archive", () -> prefixed(bytes("%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n")));
        add("Z16", "JPEG+ZIP polyglot", "not_an_archive", () -> prefixed(new byte[] {(byte) 0xFF, (byte) 0xD8,
            (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0}));
        endpoint("Z17", "tar, tar.gz, gz, 7z, bzip2, xz, ARJ, DUMP and Pack200 inside the ZIP", ACCEPTED,
                HostileArchives::nestedFormats);
        endpoint("Z19", "__MACOSX, AppleDouble, .DS_Store, Thumbs.db, desktop.ini beside a document", ACCEPTED, () -> {
            ZipBytes zip = new ZipBytes();
            zip.add("__MACOSX/._report.pdf", "apple");
            zip.add("._report.pdf", "apple");
            zip.add(".DS_Store", "finder");
            zip.add("scans/Thumbs.db", "thumbs");
            zip.add("desktop.ini", "[.ShellClassInfo]");
            zip.add("report.txt", "the one real document");
            return zip.build();
        });
        add("Z19", "only clutter", "empty_archive", () -> {
            ZipBytes zip = new ZipBytes();
            zip.add("__MACOSX/._a", "x");
            zip.add(".DS_Store", "x");
            return zip.build();
        });
    }

    private void names() {
        String[] traversal = {"../../etc/x", "a/../../x", "..\\..\\x", "/abs/x", "C:\\x", "C:/x",
            "\\\\host\\share\\x", "./x", "%2e%2e/x", "%2E%2E%2Fx/../y", "a//b", ".."};
        for (String name : traversal) {
            boolean representative = name.equals("../../etc/x") || name.equals("..\\..\\x");
            put(representative, "Z7", "traversal name " + name,
                    "unsafe_entry_name", () -> one(name, "x").build());
        }
    }

    private void encodingAndMethods() {
        endpoint("Z13", "ZipCrypto", "encrypted_archive", () -> {
            ZipBytes zip = new ZipBytes();
            zip.add("a.txt", "x").flags(1);
            return zip.build();
        });
        add("Z13", "WinZip AES (method 99)", "encrypted_archive", () -> {
            ZipBytes zip = new ZipBytes();
            zip.add("aes.txt", "x").method(99).flags(1);
            return zip.build();
        });
        add("Z13", "PKWARE strong encryption", "encrypted_archive", () -> {
            ZipBytes zip = new ZipBytes();
            zip.add("strong.txt", "x").flags(1 | 64);
            return zip.build();
        });
        int[][] methods = {{9, 0}, {12, 0}, {6, 0}, {1, 0}, {93, 1}, {95, 0}, {14, 0}, {98, 0}};
        String[] labels = {"DEFLATE64", "BZIP2", "IMPLODE", "SHRINK", "ZSTD", "XZ", "LZMA", "PPMd"};
        for (int i = 0; i < methods.length; i++) {
            int method = methods[i][0];
            put(methods[i][1] == 1, "Z14", labels[i] + " (method " + method
                    + ")", "unsupported_compression", () -> {
                        ZipBytes zip = new ZipBytes();
                        zip.add("a.txt", "hello").method(method).compressed = bytes("hello");
                        return zip.build();
                    });
        }
        endpoint("Z15", "last segment of a split archive (disk 2)", "split_archive", () -> {
            ZipBytes zip = one("a.txt", "x");
            zip.disk = 2;
            return zip.build();
        });
        add("Z15", "spanned signature PK\\x07\\x08", "split_archive", () -> {
            ZipBytes zip = one("a.txt", "x");
            zip.prefix = new byte[] {'P', 'K', 7, 8};
            return zip.build();
        });
        add("Z18", "CP437 name bytes without the UTF-8 flag", ACCEPTED, () -> {
            ZipBytes zip = new ZipBytes();
            ZipBytes.Entry entry = zip.add("x", "content");
            entry.name = new byte[] {'B', (byte) 0x81, 'r', 'o', '.', 't', 'x', 't'};
            entry.flags = 0;
            return zip.build();
        });
        endpoint("Z18", "invalid UTF-8 under the UTF-8 flag", "unsafe_entry_name", () -> {
            ZipBytes zip = new ZipBytes();
            ZipBytes.Entry entry = zip.add("x", "content");
            entry.name = new byte[] {'b', (byte) 0xC3, (byte) 0x28, '.', 't', 'x', 't'};
            entry.flags(1 << 11);
            return zip.build();
        });
        endpoint("Z18", "right-to-left override disguising an extension", "unsafe_entry_name",
                () -> one("invoice\u202Efdp.exe", "x").build());
        add("Z18", "NUL in the name", "unsafe_entry_name", () -> one("a\u0000.pdf", "x").build());
        add("Z18", "CR/LF and ANSI escape in the name", "unsafe_entry_name",
                () -> one("a\r\nSet-Cookie: x\u001b[31m.txt", "x").build());
        add("Z18", "300-byte path segment", "unsafe_entry_name", () -> one("a".repeat(300) + ".txt", "x").build());
        add("Z18", "33 path segments", "unsafe_entry_name", () -> one("d/".repeat(33) + "f.txt", "x").build());
        endpoint("Z18", "Windows reserved names and trailing dot/space (display text only)", ACCEPTED, () -> {
            ZipBytes zip = new ZipBytes();
            zip.add("CON", "con");
            zip.add("aux.txt", "aux");
            zip.add("notes.txt.", "dot");
            zip.add("letter.txt ", "space");
            zip.add("<img src=x onerror=alert(1)>.txt", "html in a name");
            return zip.build();
        });
    }

    private void malformed() {
        endpoint("Z20", "empty archive (end record only)", "empty_archive", () -> new ZipBytes().build());
        add("Z20", "truncated end record", "corrupt_archive", () -> {
            byte[] whole = one("a.txt", "hello world").build();
            return Arrays.copyOf(whole, whole.length - 10);
        });
        endpoint("Z20", "truncated after the first local header", "corrupt_archive",
                () -> Arrays.copyOf(one("a.txt", "hello world").build(), 20));
        // Extra fields are metadata only: one that cannot be parsed is ignored, the data is still checked by size and
        // CRC and the local header against the directory.
        add("Z20", "extra field length runs past the header (ignored)", ACCEPTED, () -> {
            ZipBytes zip = new ZipBytes();
            zip.add("a.txt", "hello").extra = new ZipBytes.Out().i16(0x5455).i16(400).i32(1).toByteArray();
            return zip.build();
        });
        add("Z20", "garbage instead of deflate data", "corrupt_archive", () -> {
            ZipBytes zip = new ZipBytes();
            zip.add("a.txt", "hello").compressed = new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0};
            return zip.build();
        });
        add("Z20", "directory size larger than declared", "corrupt_archive", () -> {
            ZipBytes zip = one("a.txt", "x");
            zip.declaredDirectorySize = 10L;
            return zip.build();
        });
        add("Z20", "zero-byte upload", "not_an_archive", () -> new byte[0]);
        add("Z20", "plain text", "not_an_archive", () -> bytes("just some words, not a zip"));
    }

    // ---- building blocks -------------------------------------------------------------------------------------

    static ZipBytes one(String name, String content) {
        ZipBytes zip = new ZipBytes();
        zip.add(name, content);
        return zip;
    }

    private static byte[] two(String first, String second) {
        ZipBytes zip = one(first, "one");
        zip.add(second, "two");
        return zip.build();
    }

    private static byte[] prefixed(byte[] prefix) {
        ZipBytes zip = one("a.txt", "hello");
        zip.prefix = prefix;
        return zip.build();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static void writeInt(byte[] bytes, int at, long value) {
        for (int i = 0; i < 4; i++) {
            bytes[at + i] = (byte) (value >>> (8 * i));
        }
    }

    private static byte[] zeros(int size) {
        ZipBytes zip = new ZipBytes();
        zip.add("zeros.bin", new byte[size]);
        return zip.build();
    }

    /** Deterministic incompressible bytes. */
    static byte[] noise(int size) {
        byte[] out = new byte[size];
        new java.util.Random(42).nextBytes(out);
        return out;
    }

    /**
     * One entry of {@code size} zeros, deflated without ever holding the plain bytes: one MiB is deflated with a full
     * flush (so its blocks stand alone) and repeated, then a final empty block ends the stream.
     */
    private static byte[] streamedZeros(long size) {
        byte[] block = new byte[MIB];
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(block);
        byte[] buffer = new byte[64 * 1024];
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
            chunk.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput());
        deflater.end();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] deflated = chunk.toByteArray();
        for (long done = 0; done < size; done += block.length) {
            out.write(deflated, 0, deflated.length);
            crc.update(block);
        }
        out.write(0x03);
        out.write(0x00);
        ZipBytes zip = new ZipBytes();
        ZipBytes.Entry entry = zip.add("gigabyte.bin", new byte[0]);
        entry.compressed = out.toByteArray();
        entry.size = size;
        entry.crc = crc.getValue();
        return zip.build();
    }

    /** 42.zip's shape: every level holds {@code width} copies of the level below, stored. */
    private static byte[] recursive(int depth, int width) {
        byte[] level = zeros(64 * 1024);
        for (int d = 0; d < depth; d++) {
            ZipBytes zip = new ZipBytes();
            for (int i = 0; i < width; i++) {
                zip.add("level" + d + "-" + i + ".zip", level).method(ZipBytes.STORED);
            }
            level = zip.build();
        }
        return level;
    }

    /** {@code records} central-directory records all pointing at one local header; the end record claims {@code declared}. */
    private static byte[] flood(int records, int declared) {
        ZipBytes zip = new ZipBytes();
        zip.add("a.txt", "x").method(ZipBytes.STORED);
        for (int i = 1; i < records; i++) {
            zip.alias("a" + i, 0);
        }
        if (declared > 0xFFFF) {
            zip.zip64Count = (long) declared;
        } else {
            zip.declaredCount = declared;
        }
        return zip.build();
    }

    private static byte[] nestedFormats() {
        ZipBytes zip = new ZipBytes();
        byte[] tar = new byte[1024];
        System.arraycopy(bytes("hello.txt"), 0, tar, 0, 9);
        System.arraycopy(bytes("ustar\u000000"), 0, tar, 257, 8);
        zip.add("bundle.tar", tar).method(ZipBytes.STORED);
        zip.add("bundle.tar.gz", new byte[] {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3});
        zip.add("note.gz", new byte[] {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 4, 5, 6});
        zip.add("pack.7z", new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C, 0, 4, 1, 2});
        zip.add("pack.bz2", bytes("BZh91AY&SY"));
        zip.add("pack.xz", new byte[] {(byte) 0xFD, '7', 'z', 'X', 'Z', 0, 0, 4});
        zip.add("pack.arj", new byte[] {0x60, (byte) 0xEA, 1, 2, 3});
        byte[] dump = new byte[1024];
        writeInt(dump, 24, 60012); // the DUMP magic (NFS_MAGIC) where the dump header keeps it
        dump[0] = 1;
        zip.add("backup.dump", dump);
        zip.add("app.pack", new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xD0, 0x0D, 7, 0});
        return zip.build();
    }
}
