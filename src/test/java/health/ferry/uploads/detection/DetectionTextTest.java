package health.ferry.uploads.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bounded text collector, in-process: cut at the limit without an exception, whitespace tidied. */
class DetectionTextTest {
    private static BoundedText collect(int limit, String... pieces) {
        BoundedText text = new BoundedText(limit);
        for (String piece : pieces) {
            text.characters(piece.toCharArray(), 0, piece.length());
        }
        return text;
    }

    @Test
    void cutsAtTheLimitAndRemembers() {
        BoundedText text = collect(10, "0123456", "789abc", "def");
        assertEquals("0123456789", text.text());
        assertTrue(text.limitReached());
    }

    @Test
    void underTheLimitNothingIsFlagged() {
        BoundedText text = collect(100, "short");
        assertFalse(text.limitReached());
    }

    @Test
    void indentationAndBlankLineRunsAreCollapsed() {
        assertEquals("Title\n\nHemoglobin\n13.2 g/dL",
                collect(1_000, "   \n\n  Title \n\n\n\n\t  Hemoglobin\n      13.2 g/dL   \n\n").text());
    }

    @Test
    void pagesAreSeparatedByAFormFeedLineEvenAfterAnEmptyFirstPage() {
        BoundedText text = new BoundedText(1_000);
        org.xml.sax.helpers.AttributesImpl page = new org.xml.sax.helpers.AttributesImpl();
        page.addAttribute("", "class", "class", "CDATA", "page");
        for (String content : new String[] {"  ", "Sodium 140 \n", "", "Glucose 95"}) {
            text.startElement("http://www.w3.org/1999/xhtml", "div", "div", page);
            text.characters(content.toCharArray(), 0, content.length());
            text.startElement("http://www.w3.org/1999/xhtml", "p", "p", new org.xml.sax.helpers.AttributesImpl());
        }
        assertEquals("\f\nSodium 140\n\n\f\n\n\f\nGlucose 95", text.text(), "page 1 empty, page 3 empty");
    }
}
