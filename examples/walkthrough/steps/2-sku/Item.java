package com.example.shop.model;

import dev.ashlar.declarative.DefaultNow;
import dev.ashlar.declarative.Id;
import dev.ashlar.declarative.Length;
import dev.ashlar.declarative.Model;
import dev.ashlar.declarative.Numeric;
import dev.ashlar.declarative.Required;
import dev.ashlar.declarative.Text;
import dev.ashlar.declarative.Unique;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** An item for sale, as the README's walkthrough evolves it. */
@Model(table = "items")
public class Item {
    @Id public Long id;
    @Required public String name;
    @Text public String description;
    @Numeric(precision = 10, scale = 2) @Required public BigDecimal price;
    @DefaultNow public LocalDateTime createdAt;
    @Unique @Length(40) public String sku;

    /** For Ashlar, which fills the fields from a row. */
    public Item() {
    }
}
