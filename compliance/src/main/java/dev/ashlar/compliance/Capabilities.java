package dev.ashlar.compliance;

import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.Dialects;
import dev.ashlar.testkit.TestDatabase;

/**
 * The dialect of a test's database, whose declared capabilities the suite's expectations come from
 * (rather than from which database it is), found without connecting.
 */
public final class Capabilities {
    private Capabilities() {
    }

    /** The dialect for {@code db}'s URL scheme, which is the database's name. */
    public static Dialect of(TestDatabase db) {
        return Dialects.forScheme(db.name());
    }
}
