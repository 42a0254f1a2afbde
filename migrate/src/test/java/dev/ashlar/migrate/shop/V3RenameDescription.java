package dev.ashlar.migrate.shop;

import dev.ashlar.migrate.Migration;
import dev.ashlar.migrate.Operations;
import dev.ashlar.migrate.Revision;

@Revision(id = "v3_details", parents = "v2_price", message = "rename description to details")
public final class V3RenameDescription implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.renameColumn("items", "description", "details");
    }

    @Override
    public void downgrade(Operations op) {
        op.renameColumn("items", "details", "description");
    }
}
