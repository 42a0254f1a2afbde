package dev.ashlar.migrate;

import static dev.ashlar.migrate.MigratorTest.columns;
import static dev.ashlar.migrate.MigratorTest.exec;
import static dev.ashlar.migrate.MigratorTest.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.ReferentialAction;
import dev.ashlar.core.types.Types;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.sql.SQLException;
import java.util.List;

/** Each change that existing rows would break is refused before it runs, with the count and example keys. */
class PreflightTest {
    @Revision(id = "p_notnull")
    public static final class RequireEmail implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.alterColumn("accounts", Column.of("email", Types.string(100)), Column.of("email", Types.string(100)).notNull());
        }

        @Override
        public void downgrade(Operations op) {
        }
    }

    @Revision(id = "p_length")
    public static final class ShortEmail implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.alterColumn("accounts", Column.of("email", Types.string(100)), Column.of("email", Types.string(5)));
        }

        @Override
        public void downgrade(Operations op) {
        }
    }

    @Revision(id = "p_unique")
    public static final class UniqueEmail implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addUnique("accounts", "uq_accounts_email", "email");
        }

        @Override
        public void downgrade(Operations op) {
        }
    }

    @Revision(id = "p_narrow")
    public static final class NarrowAmount implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.alterColumn("accounts", Column.of("amount", Types.numeric(10, 2)), Column.of("amount", Types.numeric(8, 2)));
        }

        @Override
        public void downgrade(Operations op) {
        }
    }

    @Revision(id = "p_fk")
    public static final class ParentKey implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addForeignKey("accounts", "fk_accounts_parent", List.of("parent_id"), "accounts", List.of("id"), ReferentialAction.NO_ACTION);
        }

        @Override
        public void downgrade(Operations op) {
        }
    }

    @Revision(id = "p_check")
    public static final class PositiveAmount implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addCheck("accounts", "ck_accounts_amount", "amount >= 0");
        }

        @Override
        public void downgrade(Operations op) {
        }
    }

    @AllDatabases
    void changesThatExistingRowsWouldBreakAreRefusedWithCountsAndKeys(TestDatabase db) throws SQLException {
        exec(db, "CREATE TABLE accounts (id INTEGER NOT NULL PRIMARY KEY, email VARCHAR(100), amount DECIMAL(10, 2), parent_id INTEGER)");
        exec(db, "INSERT INTO accounts (id, email, amount, parent_id) VALUES (1, NULL, 1.00, NULL), (2, 'a@x.org', 12345678.90, 1), "
                + "(3, 'a@x.org', -5.00, 999), (4, 'b@x.org', 2.50, 2)");
        try (Engine engine = Engine.create(db.url())) {
            assertRefused(engine, RequireEmail.class, "1 row(s) of accounts hold NULL in accounts.email", "id = 1)");
            assertRefused(engine, ShortEmail.class, "3 row(s) of accounts have accounts.email longer than 5 characters", "id = 2, 3, 4)");
            assertRefused(engine, UniqueEmail.class, "1 value(s) of accounts[email] occur more than once ([a@x.org] ×2)", "remove the duplicates");
            assertRefused(engine, NarrowAmount.class, "1 row(s) of accounts have accounts.amount values that Numeric(8, 2) cannot hold", "id = 2)");
            assertRefused(engine, ParentKey.class, "1 row(s) of accounts refer to no row of accounts[id]", "id = 3)");
            assertRefused(engine, PositiveAmount.class, "1 row(s) of accounts fail the new check ck_accounts_amount", "relax the check");

            // Nothing was changed: the column is still nullable and wide, and no revision is recorded.
            exec(db, "INSERT INTO accounts (id, email, amount) VALUES (5, NULL, 99999999.99)");
            assertThat(columns(db, "accounts")).containsExactly("id", "email", "amount", "parent_id");
            assertThat(string(db, "SELECT COUNT(*) FROM ashlar_version")).isEqualTo("0");

            // Once the rows are fixed, the same revision applies.
            exec(db, "UPDATE accounts SET email = 'c@x.org' WHERE id = 3");
            assertThat(Migrator.of(engine, List.of(UniqueEmail.class)).upgrade().done()).containsExactly("p_unique");
        }
    }

    private static void assertRefused(Engine engine, Class<? extends Migration> revision, String problem, String more) {
        assertThatThrownBy(() -> Migrator.of(engine, List.of(revision)).upgrade()).isInstanceOf(PreflightException.class)
                .satisfies(e -> assertThat(((PreflightException) e).problems()).singleElement().asString().contains(problem).contains(more));
    }
}
