package health.ferry.outcome;

/**
 * The one rule for text people type into Ferry (ward names, coordinators' messages, rejection reasons, …) and for
 * names that arrive inside uploads: no control characters (a line break only where the field is several lines), no
 * invisible direction controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), no byte-order mark and no lone
 * surrogate. Direction controls make text read differently from what it is ("gpj.exe" shown as "exe.jpg"), so text
 * that carries them is refused rather than cleaned: a participant or coordinator sees a field error and retypes it.
 */
public final class FreeText {
    /** What a field error says when a text breaks the rule. */
    public static final String MESSAGE = "Use ordinary characters only: no control or text-direction characters.";

    private FreeText() {
    }

    /** Whether a character is hidden or reorders text: never allowed in any free text or entry name. */
    public static boolean hidden(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
    }

    /** Whether {@code text} is acceptable for a one-line field (a name, a title). */
    public static boolean isPlainLine(String text) {
        return text == null || acceptable(text, false);
    }

    /** Whether {@code text} is acceptable for a field of several lines (a message, a reason). */
    public static boolean isPlainText(String text) {
        return text == null || acceptable(text, true);
    }

    /** Refuses, with a 400 field error naming {@code field}, a one-line text that breaks the rule. */
    public static void requireLine(String field, String text) {
        if (!isPlainLine(text)) {
            throw OutcomeException.invalid(field, MESSAGE);
        }
    }

    /** Refuses, with a 400 field error naming {@code field}, a text of several lines that breaks the rule. */
    public static void requireText(String field, String text) {
        if (!isPlainText(text)) {
            throw OutcomeException.invalid(field, MESSAGE);
        }
    }

    private static boolean acceptable(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                return false;
            }
            if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            if (hidden(c)) {
                return false;
            }
        }
        return true;
    }
}
