package dev.ashlar.cli.migrations.base;

import dev.ashlar.core.schema.Column;
import dev.ashlar.core.types.Types;
import dev.ashlar.migrate.Migration;
import dev.ashlar.migrate.Operations;
import dev.ashlar.migrate.Revision;

/** The second revision of the command-line tests: a column. */
@Revision(id = "c2_weight", parents = "c1_gadgets", message = "add weight")
public final class V2AddWeight implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.addColumn("cli_gadgets", Column.of("weight", Types.integer()));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropColumn("cli_gadgets", "weight");
    }
}
