package health.ferry.uploads.archive;

import health.ferry.outcome.FreeText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;

/**
 * Entry names as display text: decoded deterministically from the raw bytes, refused when unsafe, compared for
 * collisions, and recognised as operating-system clutter. No name is ever used as a file-system path.
 */
final class EntryNames {
    private static final Charset LEGACY = Charset.isSupported("IBM437") ? Charset.forName("IBM437")
            : StandardCharsets.ISO_8859_1;
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);
    private static final Pattern ENCODED_DOT = Pattern.compile("(?i)%2e");
    private static final Set<String> CLUTTER = Set.of(".ds_store", "thumbs.db", "desktop.ini");
    private static final int MESSAGE_LENGTH = 120;

    private EntryNames() {
    }

    /** The checked display name of an entry; refuses unsafe names and a Unicode-path field that tells another story. */
    static String of(ZipArchiveEntry entry, ArchiveLimits limits) throws ArchiveRejected {
        String header = decode(entry);
        check(header, entry.isDirectory(), limits);
        if (entry.getNameSource() != ZipArchiveEntry.NameSource.UNICODE_EXTRA_FIELD) {
            return header;
        }
        String unicode = entry.getName();
        check(unicode, entry.isDirectory(), limits);
        if (segments(unicode) != segments(header) || !extension(unicode).equalsIgnoreCase(extension(header))) {
            throw unsafe(unicode, "The archive gives this file two different names.");
        }
        return unicode;
    }

    /** UTF-8 when flagged or when the bytes are valid UTF-8, otherwise the ZIP default code page (CP437). */
    static String decode(ZipArchiveEntry entry) throws ArchiveRejected {
        byte[] raw = entry.getRawName();
        if (raw == null) {
            return entry.getName();
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            if (entry.getGeneralPurposeBit().usesUTF8ForNames()) {
                throw new ArchiveRejected(RejectionCode.UNSAFE_ENTRY_NAME, "A name is marked UTF-8 but is not.");
            }
            return new String(raw, LEGACY);
        }
    }

    static void check(String name, boolean directory, ArchiveLimits limits) throws ArchiveRejected {
        String path = directory && name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        if (path.isEmpty() || path.indexOf('\\') >= 0 || path.startsWith("/") || DRIVE.matcher(path).matches()) {
            throw unsafe(name, null);
        }
        if (!FreeText.isPlainLine(path)) {
            throw unsafe(name, null);
        }
        String[] parts = path.split("/", -1);
        if (parts.length > limits.maxSegments() || utf8Length(path) > limits.maxNameBytes()) {
            throw unsafe(name, null);
        }
        for (String part : parts) {
            String plain = ENCODED_DOT.matcher(part).replaceAll(".");
            if (part.isEmpty() || plain.equals(".") || plain.equals("..")
                    || utf8Length(part) > limits.maxSegmentBytes()) {
                throw unsafe(name, null);
            }
        }
    }

    /** Two names that would land on one file on a case-insensitive, normalising file system collide. */
    static String collisionKey(String name) {
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        return Normalizer.normalize(path, Normalizer.Form.NFC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    static boolean isSystemFile(String name) {
        String[] parts = name.split("/");
        String last = parts[parts.length - 1];
        for (String part : parts) {
            if (part.equals("__MACOSX")) {
                return true;
            }
        }
        return last.startsWith("._") || CLUTTER.contains(last.toLowerCase(Locale.ROOT));
    }

    /** A sentence naming the entry, with hidden characters made visible and long names shortened. */
    static String sentence(String name) {
        StringBuilder shown = new StringBuilder();
        name.codePoints().limit(MESSAGE_LENGTH).forEach(c -> shown.appendCodePoint(FreeText.hidden(c) ? '\uFFFD' : c));
        return "It concerns “" + shown + (name.codePointCount(0, name.length()) > MESSAGE_LENGTH ? "…" : "") + "”.";
    }

    private static ArchiveRejected unsafe(String name, String why) {
        return new ArchiveRejected(RejectionCode.UNSAFE_ENTRY_NAME, (why == null ? "" : why + " ") + sentence(name));
    }

    /** Control characters (C0, DEL, C1) and the invisible direction marks used to disguise extensions. */
    private static int segments(String name) {
        return name.split("/").length;
    }

    private static String extension(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot > slash ? name.substring(dot + 1) : "";
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
