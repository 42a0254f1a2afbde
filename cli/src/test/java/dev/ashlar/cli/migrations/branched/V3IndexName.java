package dev.ashlar.cli.migrations.branched;

import dev.ashlar.migrate.Migration;
import dev.ashlar.migrate.Operations;
import dev.ashlar.migrate.Revision;

/**
 * A revision that branches off the first one, beside {@code c2_weight}: seen only when the tests point
 * {@code --migrations} at the parent package, where it makes a second head.
 */
@Revision(id = "c3_name_index", parents = "c1_gadgets", message = "index gadget names")
public final class V3IndexName implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createIndex("cli_gadgets", "ix_cli_gadgets_name", false, "name");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropIndex("cli_gadgets", "ix_cli_gadgets_name");
    }
}
