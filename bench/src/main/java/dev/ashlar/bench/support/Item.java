package dev.ashlar.bench.support;

import dev.ashlar.declarative.Id;
import dev.ashlar.declarative.Model;
import dev.ashlar.declarative.Numeric;
import dev.ashlar.declarative.Required;
import dev.ashlar.declarative.Text;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * The Item model, and the object every library reads rows into (Hibernate has its own entity,
 * {@link ItemEntity}). Its annotations map it to the {@code items} table of {@link ItemsTable} for
 * the Ashlar ORM, whose annotation processor generates {@code Item_}; the other libraries ignore them.
 * Mutable, as the update workloads change prices in place.
 */
@Model(table = "items")
public class Item {
    @Id public Long id;
    @Required public String name;
    @Text public String description;
    @Numeric(precision = 10, scale = 2) @Required public BigDecimal price;
    public LocalDateTime createdAt;

    /** For the ORM, which fills the fields from a row. */
    public Item() {
    }

    /** An item with every field set. */
    public Item(Long id, String name, String description, BigDecimal price, LocalDateTime createdAt) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.price = price;
        this.createdAt = createdAt;
    }

    /** A new, unsaved copy of this item (no id), for the ORM to insert. */
    public Item copyWithoutId() {
        return new Item(null, name, description, price, createdAt);
    }
}
