package health.ferry.uploads.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test-only ZIP writer where every header field can be set, so hostile archives are built byte by byte. */
final class ZipBytes {
    static final int STORED = 0;
    static final int DEFLATED = 8;
    static final int UNIX_MADE_BY = 3 << 8 | 20;

    /** One entry; fields left null take the honest value. */
    static final class Entry {
        byte[] name;
        byte[] localName;
        byte[] content = new byte[0];
        byte[] compressed;
        int method = DEFLATED;
        Integer localMethod;
        int flags;
        Long crc;
        Long size;
        Long centralSize;
        int madeBy = 20;
        long externalAttributes;
        byte[] extra = new byte[0];
        boolean dataDescriptor;
        byte[] trailing = new byte[0];

        Entry(String name, byte[] content) {
            this.name = name.getBytes(StandardCharsets.UTF_8);
            this.content = content;
            if (!StandardCharsets.US_ASCII.newEncoder().canEncode(name)) {
                flags |= 1 << 11;
            }
        }

        Entry method(int value) {
            method = value;
            return this;
        }

        Entry flags(int value) {
            flags |= value;
            return this;
        }

        byte[] data() {
            if (compressed != null) {
                return compressed;
            }
            return method == DEFLATED ? deflate(content) : content;
        }

        long crcValue() {
            if (crc != null) {
                return crc;
            }
            CRC32 value = new CRC32();
            value.update(content);
            return value.getValue();
        }
    }

    private record Alias(Entry entry, byte[] name, Integer target, long offset) {
    }

    final List<Entry> entries = new ArrayList<>();
    private final List<Alias> aliases = new ArrayList<>();
    byte[] prefix = new byte[0];
    int disk;
    Integer declaredCount;
    Long declaredDirectorySize;
    Long zip64Count;

    Entry add(String name, byte[] content) {
        Entry entry = new Entry(name, content);
        entries.add(entry);
        return entry;
    }

    Entry add(String name, String content) {
        return add(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A second central-directory record pointing at the same local header as entry {@code target}. */
    ZipBytes alias(String name, int target) {
        aliases.add(new Alias(null, name.getBytes(StandardCharsets.UTF_8), target, 0));
        return this;
    }

    /** A central-directory record for {@code entry} (not written locally) claiming a local header at {@code offset}. */
    ZipBytes centralOnly(Entry entry, long offset) {
        aliases.add(new Alias(entry, entry.name, null, offset));
        return this;
    }

    /** Where entry {@code index}'s data starts, for honest local headers without extra fields. */
    long dataOffset(int index) {
        long offset = prefix.length;
        for (int i = 0; i < index; i++) {
            Entry e = entries.get(i);
            offset += 30 + e.name.length + e.extra.length + e.data().length + e.trailing.length
                    + (e.dataDescriptor ? 16 : 0);
        }
        return offset + 30 + entries.get(index).name.length + entries.get(index).extra.length;
    }

    Path write(Path file) throws IOException {
        Files.write(file, build());
        return file;
    }

    byte[] build() {
        Out out = new Out();
        out.bytes(prefix);
        List<Long> offsets = new ArrayList<>();
        for (Entry e : entries) {
            offsets.add((long) out.size());
            byte[] data = e.data();
            local(out, e, data);
            out.bytes(data);
            if (e.dataDescriptor) {
                out.i32(0x08074b50).i32(e.crcValue()).i32(data.length).i32(e.size != null ? e.size : e.content.length);
            }
            out.bytes(e.trailing);
        }
        long directoryStart = out.size();
        for (int i = 0; i < entries.size(); i++) {
            central(out, entries.get(i), entries.get(i).name, offsets.get(i));
        }
        for (Alias alias : aliases) {
            if (alias.target != null) {
                central(out, entries.get(alias.target), alias.name, offsets.get(alias.target));
            } else {
                central(out, alias.entry, alias.name, alias.offset);
            }
        }
        long directorySize = out.size() - directoryStart;
        int count = declaredCount != null ? declaredCount : entries.size() + aliases.size();
        if (zip64Count != null) {
            long zip64End = out.size();
            out.i32(0x06064b50).i64(44).i16(45).i16(45).i32(0).i32(0).i64(zip64Count).i64(zip64Count)
                    .i64(directorySize).i64(directoryStart);
            out.i32(0x07064b50).i32(0).i64(zip64End).i32(1);
            count = 0xFFFF;
        }
        out.i32(0x06054b50).i16(disk).i16(disk).i16(count).i16(count)
                .i32(declaredDirectorySize != null ? declaredDirectorySize : directorySize).i32(directoryStart).i16(0);
        return out.toByteArray();
    }

    /** The local header of {@code e} alone, for nesting inside another entry's data. */
    static byte[] localHeader(Entry e) {
        Out out = new Out();
        local(out, e, e.data());
        return out.toByteArray();
    }

    private static void local(Out out, Entry e, byte[] data) {
        byte[] name = e.localName != null ? e.localName : e.name;
        int flags = e.flags | (e.dataDescriptor ? 8 : 0);
        boolean zeros = e.dataDescriptor;
        out.i32(0x04034b50).i16(20).i16(flags).i16(e.localMethod != null ? e.localMethod : e.method).i16(0).i16(0)
                .i32(zeros ? 0 : e.crcValue()).i32(zeros ? 0 : data.length)
                .i32(zeros ? 0 : e.size != null ? e.size : e.content.length)
                .i16(name.length).i16(e.extra.length).bytes(name).bytes(e.extra);
    }

    private static void central(Out out, Entry e, byte[] name, long offset) {
        long size = e.centralSize != null ? e.centralSize : e.size != null ? e.size : e.content.length;
        out.i32(0x02014b50).i16(e.madeBy).i16(20).i16(e.flags | (e.dataDescriptor ? 8 : 0)).i16(e.method)
                .i16(0).i16(0).i32(e.crcValue()).i32(e.data().length).i32(size).i16(name.length)
                .i16(e.extra.length).i16(0).i16(0).i16(0).i32(e.externalAttributes).i32(offset)
                .bytes(name).bytes(e.extra);
    }

    /** An InfoZIP Unicode Path extra field (0x7075) claiming {@code unicodeName} for a header named {@code header}. */
    static byte[] unicodePath(String unicodeName, byte[] header) {
        CRC32 crc = new CRC32();
        crc.update(header);
        byte[] utf8 = unicodeName.getBytes(StandardCharsets.UTF_8);
        return new Out().i16(0x7075).i16(5 + utf8.length).i8(1).i32(crc.getValue()).bytes(utf8).toByteArray();
    }

    static byte[] deflate(byte[] content) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(content);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** An honest archive written by the JDK's own ZipOutputStream (data descriptors, EFS flag). */
    static Path javaZip(Path file, Map<String, byte[]> files) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    /** Little-endian byte writer. */
    static final class Out extends ByteArrayOutputStream {
        Out i8(int v) {
            write(v);
            return this;
        }

        Out i16(int v) {
            write(v);
            write(v >>> 8);
            return this;
        }

        Out i32(long v) {
            return i16((int) (v & 0xFFFF)).i16((int) (v >>> 16 & 0xFFFF));
        }

        Out i64(long v) {
            return i32(v & 0xFFFF_FFFFL).i32(v >>> 32);
        }

        Out bytes(byte[] b) {
            writeBytes(b);
            return this;
        }
    }
}
