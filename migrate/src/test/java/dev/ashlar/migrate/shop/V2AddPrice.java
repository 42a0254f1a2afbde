package dev.ashlar.migrate.shop;

import dev.ashlar.core.schema.Column;
import dev.ashlar.core.types.Types;
import dev.ashlar.migrate.Migration;
import dev.ashlar.migrate.Operations;
import dev.ashlar.migrate.Revision;

@Revision(id = "v2_price", parents = "v1_items", message = "add price and an index on name")
public final class V2AddPrice implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.addColumn("items", Column.of("price", Types.numeric(10, 2)));
        op.createIndexOnline("items", "ix_items_name", false, "name");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropIndex("items", "ix_items_name");
        op.dropColumn("items", "price");
    }
}
