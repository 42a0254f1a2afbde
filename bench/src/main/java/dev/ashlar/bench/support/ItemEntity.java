package dev.ashlar.bench.support;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * The Item as a Hibernate entity, mapped to the same {@code items} table. Ids come from a pooled
 * generator, because Hibernate cannot batch inserts whose ids come from an identity column. On
 * SQLite, which has no sequences, Hibernate keeps the counter in a one-row table of that name
 * ({@link Hibernate#prepareIdGenerator} creates both) and updates it on a second connection, which
 * SQLite's single writer blocks once the insert transaction has written: so one block of ids covers
 * a whole insert operation, fetched before its first write.
 */
@Entity
@Table(name = "items")
public class ItemEntity {
    /** Ids per generator round trip: at least the rows of one insert operation. */
    public static final int ID_BLOCK = 100_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "items_hibernate_seq")
    @SequenceGenerator(name = "items_hibernate_seq", sequenceName = "items_hibernate_seq", allocationSize = ItemEntity.ID_BLOCK)
    public Long id;

    @Column(name = "name", nullable = false)
    public String name;

    @Column(name = "description")
    public String description;

    @Column(name = "price", nullable = false, precision = 10, scale = 2)
    public BigDecimal price;

    @Column(name = "created_at")
    public LocalDateTime createdAt;

    /** For Hibernate. */
    public ItemEntity() {
    }

    /** A new, unsaved entity with the item's values. */
    public ItemEntity(Item item) {
        this.name = item.name;
        this.description = item.description;
        this.price = item.price;
        this.createdAt = item.createdAt;
    }
}
