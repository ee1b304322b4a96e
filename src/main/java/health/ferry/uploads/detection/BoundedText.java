package health.ferry.uploads.detection;

import java.util.regex.Pattern;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects extracted text up to a character limit; the rest is dropped and the cut is remembered, never thrown.
 * Page boundaries are kept: every page after the first (Tika's XHTML {@code <div class="page">}, from PDFs, OCR'd
 * PDF pages included) starts after a line holding only a form feed ({@link #PAGE_BREAK}), so what is read from the
 * text later (lab values) can name its page.
 */
final class BoundedText extends DefaultHandler {
    /** The character on a line of its own between two pages. */
    static final char PAGE_BREAK = '\f';
    private static final Pattern LINE_EDGES = Pattern.compile("[ \\t\\x0B\\r]*\\n[ \\t\\x0B\\r]*");
    private static final Pattern BLANK_RUNS = Pattern.compile("\\n{3,}");

    private static final Pattern EDGES = Pattern.compile("^[ \\t\\n\\x0B\\r]+|[ \\t\\n\\x0B\\r]+$");

    private final StringBuilder text = new StringBuilder();
    private int pages;
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
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        if ("div".equals(localName) && "page".equals(attributes.getValue("class")) && ++pages > 1) {
            characters(new char[] {'\n', PAGE_BREAK, '\n'}, 0, 3);
        }
    }

    @Override
    public void ignorableWhitespace(char[] chars, int start, int length) {
        characters(chars, start, length);
    }

    /**
     * The text with each line trimmed and runs of blank lines collapsed (XML and tables indent heavily); page breaks
     * stay, also those of empty pages at the start, so a page's number is the count of breaks before it plus one.
     */
    String text() {
        String lines = BLANK_RUNS.matcher(LINE_EDGES.matcher(text).replaceAll("\n")).replaceAll("\n\n");
        return EDGES.matcher(lines).replaceAll("");
    }

    boolean limitReached() {
        return limitReached;
    }
}
