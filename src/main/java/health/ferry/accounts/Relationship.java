package health.ferry.accounts;

import java.util.Locale;

/** How a person relates to the account owner who acts for them. */
public enum Relationship {
    SELF, CHILD, WARD;

    /** The lower-case wire and database value. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire value; {@code null} when it names no relationship. */
    public static Relationship fromCode(String code) {
        if (code == null) {
            return null;
        }
        for (Relationship r : values()) {
            if (r.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        return null;
    }
}
