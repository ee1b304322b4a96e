package health.ferry.uploads.archive;

/**
 * An entry left out on purpose.
 *
 * @param name   the entry's path inside the archive (display text)
 * @param reason {@link #SYSTEM_FILE} or {@link #EMPTY_FILE}
 */
public record SkippedEntry(String name, String reason) {
    /** Operating-system clutter: {@code __MACOSX/}, {@code ._*}, {@code .DS_Store}, {@code Thumbs.db}, {@code desktop.ini}. */
    public static final String SYSTEM_FILE = "system_file";
    /** A file of zero bytes. */
    public static final String EMPTY_FILE = "empty_file";
}
