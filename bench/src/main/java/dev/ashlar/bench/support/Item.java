package dev.ashlar.bench.support;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * The object every library reads rows into (Hibernate has its own entity, {@link ItemEntity}).
 * Mutable, as the update workloads change prices in place.
 */
public final class Item {
    public Long id;
    public String name;
    public String description;
    public BigDecimal price;
    public LocalDateTime createdAt;

    /** An item with every field set. */
    public Item(Long id, String name, String description, BigDecimal price, LocalDateTime createdAt) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.price = price;
        this.createdAt = createdAt;
    }
}
