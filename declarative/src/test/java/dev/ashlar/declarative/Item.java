package dev.ashlar.declarative;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** The reference model, as a mutable class. */
@Model(table = "items")
public class Item {
    @Id @Indexed public Long id;
    @Required public String name;
    @Text public String description;
    @Numeric(precision = 10, scale = 2) @Required public BigDecimal price;
    @DefaultNow public LocalDateTime createdAt;

    public Item() {
    }

    Item(String name, BigDecimal price) {
        this.name = name;
        this.price = price;
    }
}
