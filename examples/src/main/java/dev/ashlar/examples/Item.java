package dev.ashlar.examples;

import dev.ashlar.declarative.DefaultNow;
import dev.ashlar.declarative.Id;
import dev.ashlar.declarative.Indexed;
import dev.ashlar.declarative.Model;
import dev.ashlar.declarative.Numeric;
import dev.ashlar.declarative.Required;
import dev.ashlar.declarative.Text;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** The reference model: an item for sale. The annotation processor generates {@code Item_} from it. */
@Model(table = "items")
public class Item {
    @Id @Indexed public Long id;
    @Required public String name;
    @Text public String description;
    @Numeric(precision = 10, scale = 2) @Required public BigDecimal price;
    @DefaultNow public LocalDateTime createdAt;

    /** For Ashlar, which fills the fields from a row. */
    public Item() {
    }

    /** A new item, not yet saved: the database gives it its id, Ashlar its creation time. */
    public Item(String name, String description, BigDecimal price) {
        this.name = name;
        this.description = description;
        this.price = price;
    }
}
