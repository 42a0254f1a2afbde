package dev.ashlar.cli.migrations.base;

import dev.ashlar.core.schema.Column;
import dev.ashlar.core.types.Types;
import dev.ashlar.migrate.Migration;
import dev.ashlar.migrate.Operations;
import dev.ashlar.migrate.Revision;

/** The first revision of the command-line tests: a table. */
@Revision(id = "c1_gadgets", message = "create gadgets")
public final class V1CreateGadgets implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("cli_gadgets",
                Column.of("id", Types.bigInteger()).primaryKey(),
                Column.of("name", Types.string(40)).notNull());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("cli_gadgets");
    }
}
