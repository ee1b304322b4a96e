package health.ferry.uploads.detection;

import java.util.regex.Pattern;
import org.xml.sax.helpers.DefaultHandler;

/** Collects extracted text up to a character limit; the rest is dropped and the cut is remembered, never thrown. */
final class BoundedText extends DefaultHandler {
    private static final Pattern LINE_EDGES = Pattern.compile("[ \\t\\x0B\\f\\r]*\\n[ \\t\\x0B\\f\\r]*");
    private static final Pattern BLANK_RUNS = Pattern.compile("\\n{3,}");

    private final StringBuilder text = new StringBuilder();
    private final int limit;
    private boolean limitReached;

    BoundedText(int limit) {
        this.limit = limit;
    }

    @Override
    public void characters(char[] chars, int start, int length) {
        int room = limit - text.length();
        if (length > room) {
            limitReached = true;
        }
        text.append(chars, start, Math.max(0, Math.min(room, length)));
    }

    @Override
    public void ignorableWhitespace(char[] chars, int start, int length) {
        characters(chars, start, length);
    }

    /** The text with each line trimmed and runs of blank lines collapsed (XML and tables indent heavily). */
    String text() {
        return BLANK_RUNS.matcher(LINE_EDGES.matcher(text).replaceAll("\n")).replaceAll("\n\n").strip();
    }

    boolean limitReached() {
        return limitReached;
    }
}
