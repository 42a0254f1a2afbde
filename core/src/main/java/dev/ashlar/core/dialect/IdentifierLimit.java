package dev.ashlar.core.dialect;

/**
 * How long a name may be on one database, and in which unit it is counted. PostgreSQL keeps 63
 * bytes of UTF-8 and silently cuts the rest, so two long names that share their first 63 bytes
 * would name one table; MariaDB counts 64 characters and refuses longer ones; SQLite has no limit.
 *
 * @param max the longest accepted length, in {@code unit}
 * @param unit what is counted
 */
public record IdentifierLimit(int max, Unit unit) {
    /** What an identifier's length is counted in. */
    public enum Unit {
        /** Bytes of the name's UTF-8 encoding. */
        BYTES("bytes in UTF-8"),
        /** Unicode characters (code points). */
        CHARACTERS("characters");

        private final String description;

        Unit(String description) {
            this.description = description;
        }

        /** How the unit reads in a message: {@code bytes in UTF-8}, {@code characters}. */
        public String description() {
            return description;
        }
    }

    /** No limit (SQLite). */
    public static final IdentifierLimit NONE = new IdentifierLimit(Integer.MAX_VALUE, Unit.CHARACTERS);

    /** {@code name}'s length in this limit's unit. */
    public int lengthOf(String name) {
        return unit == Unit.BYTES ? utf8Length(name) : name.codePointCount(0, name.length());
    }

    /** Whether {@code name} fits. */
    public boolean fits(String name) {
        // short names skip the count: no UTF-16 char takes more than 3 bytes of UTF-8 (a surrogate pair takes 4 for 2)
        return name.length() <= max / 3 || lengthOf(name) <= max;
    }

    /** The length of {@code s} in UTF-8, without encoding it. */
    public static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
