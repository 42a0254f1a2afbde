package dev.ashlar.migrate.shop;

import dev.ashlar.core.schema.Column;
import dev.ashlar.core.types.Types;
import dev.ashlar.migrate.Migration;
import dev.ashlar.migrate.Operations;
import dev.ashlar.migrate.Revision;

@Revision(id = "v1_items", message = "create items")
public final class V1CreateItems implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("items",
                Column.of("id", Types.bigInteger()).primaryKey(),
                Column.of("name", Types.string(40)).notNull(),
                Column.of("description", Types.text()));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("items");
    }
}
